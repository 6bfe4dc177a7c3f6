package dev.atomic.dte;

/**
 * A DTE job: what to do with a validated spec, and the tree it applies to.
 *
 * @param operation {@code apply} (or preview with {@code dryRun}) or {@code verify}
 * @param workingDir the tree, checked against the allowed roots by the worker; or null with a
 *     repository
 * @param repository a {@code file://} or {@code https://} git URL to clone instead
 * @param ref the branch of the repository to start from; null for its default branch
 * @param batchSize files per commit when the tree is a git working tree; 0 for the default
 * @param classpath jars and class directories the tree's Java sources are typed against, beside its
 *     Maven modules' own; relative to the tree; null or empty for none
 */
public record DteRequest(
    String operation,
    ChangeSpec spec,
    String workingDir,
    String repository,
    String ref,
    boolean dryRun,
    int batchSize,
    java.util.List<String> classpath) {

  public static final String APPLY = "apply";
  public static final String VERIFY = "verify";

  /** A job on a directory the worker can reach. */
  public static DteRequest onDirectory(
      String operation, ChangeSpec spec, String workingDir, boolean dryRun, int batchSize) {
    return new DteRequest(operation, spec, workingDir, null, null, dryRun, batchSize, null);
  }
}
