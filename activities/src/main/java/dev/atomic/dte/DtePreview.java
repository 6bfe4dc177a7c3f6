package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a ChangeSpec does to a tree. {@code patches} lists the changed files (their paths after
 * the change), as the original {@code POST /dte/apply} did.
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
    Batches batches) {

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
   * One batch: at most {@code batchSize} files in one commit.
   *
   * @param reversible whether reverting the commit applies cleanly on the branch right now
   */
  public record Batch(String id, String commit, List<String> files, boolean reversible) {}

  public DtePreview withBatches(Batches value) {
    return new DtePreview(success, dryRun, patches, errors, warnings, diffs, summary, value);
  }
}
