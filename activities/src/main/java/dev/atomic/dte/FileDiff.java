package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The change to one file.
 *
 * @param path the file before the change, relative to the working directory
 * @param newPath where the file moves to, when it moves (a renamed type or a moved package)
 * @param diff unified diff, {@code a/} and {@code b/} prefixed as git prints it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileDiff(String path, String newPath, int insertions, int deletions, String diff) {}
