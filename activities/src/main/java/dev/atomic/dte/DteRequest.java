package dev.atomic.dte;

/**
 * A DTE job: what to do with a validated spec, and the tree it applies to.
 *
 * @param operation {@code apply} (or preview with {@code dryRun}) or {@code verify}
 * @param workingDir the tree, checked against the allowed roots by the worker
 * @param batchSize files per commit when the tree is a git working tree; 0 for the default
 */
public record DteRequest(
    String operation, ChangeSpec spec, String workingDir, boolean dryRun, int batchSize) {

  public static final String APPLY = "apply";
  public static final String VERIFY = "verify";
}
