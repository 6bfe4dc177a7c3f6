package dev.atomic.dte;

/**
 * A DTE job: a validated spec and the tree it applies to.
 *
 * @param workingDir the tree, checked against the allowed roots by the worker
 * @param batchSize files per commit when the tree is a git working tree; 0 for the default
 */
public record DteRequest(ChangeSpec spec, String workingDir, boolean dryRun, int batchSize) {}
