package dev.atomic.dte;

/**
 * A DTE job: a validated spec and the tree it applies to.
 *
 * @param workingDir absolute path of the tree, already checked against the allowed roots
 */
public record DteRequest(ChangeSpec spec, String workingDir, boolean dryRun) {}
