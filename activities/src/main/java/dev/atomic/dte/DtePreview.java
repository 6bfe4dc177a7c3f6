package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atomic.dte.batches.BatchPlanner;
import java.util.List;

/**
 * What a ChangeSpec does to a tree. {@code patches} lists the changed files (their paths after the
 * change), as the original {@code POST /dte/apply} did; {@code unresolvedTypes} lists the types the
 * parsed sources import that neither the tree, its classpath nor the JDK declare.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DtePreview(
    boolean success,
    boolean dryRun,
    List<String> patches,
    List<String> errors,
    List<String> warnings,
    List<FileDiff> diffs,
    Summary summary,
    Batches batches,
    BatchPlanner.Plan plan,
    List<String> unresolvedTypes) {

  /** Totals over all files. */
  public record Summary(int files, int insertions, int deletions) {}

  /**
   * How an apply in a git working tree was committed.
   *
   * @param branch {@code atomic/<spec id>}, where every batch is one commit
   * @param base the branch the work started from; never written
   */
  public record Batches(String branch, String base, List<Batch> commits) {}

  /**
   * One committed batch.
   *
   * @param reversible whether it can be reverted alone right now: no applied batch depends on it
   *     and its revert applies cleanly
   * @param dependsOn earlier batches it cannot stand without
   * @param reverted whether a later commit on the branch reverted it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Batch(
      String id,
      String commit,
      List<String> files,
      boolean reversible,
      List<String> dependsOn,
      String reason,
      boolean reverted) {}

  public DtePreview withBatches(Batches value) {
    return new DtePreview(
        success, dryRun, patches, errors, warnings, diffs, summary, value, plan, unresolvedTypes);
  }

  public DtePreview withPlan(BatchPlanner.Plan value) {
    return new DtePreview(
        success,
        dryRun,
        patches,
        errors,
        warnings,
        diffs,
        summary,
        batches,
        value,
        unresolvedTypes);
  }
}
