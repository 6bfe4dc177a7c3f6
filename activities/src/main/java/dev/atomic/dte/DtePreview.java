package dev.atomic.dte;

import java.util.List;

/**
 * What a ChangeSpec does to a tree. {@code patches} lists the changed files (their paths after
 * the change), as the original {@code POST /dte/apply} did.
 */
public record DtePreview(
    boolean success,
    boolean dryRun,
    List<String> patches,
    List<String> errors,
    List<String> warnings,
    List<FileDiff> diffs,
    Summary summary) {

  /** Totals over all files. */
  public record Summary(int files, int insertions, int deletions) {}
}
