package dev.atomic.dte.batches;

/**
 * One file a change touches.
 *
 * @param path the path after the change
 * @param oldPath the path before it (differs from {@code path} for a moved file; null for a new
 *     file)
 * @param before the content before, or null for a new file
 * @param after the content after
 */
public record ChangedFile(String path, String oldPath, String before, String after) {

  boolean isJava() {
    return path.endsWith(".java") || (oldPath != null && oldPath.endsWith(".java"));
  }
}
