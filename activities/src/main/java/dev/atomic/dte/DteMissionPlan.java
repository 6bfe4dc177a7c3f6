package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atomic.dte.batches.PlannedBatch;
import java.util.List;

/**
 * What a mission's plan found: the batches, the base commit they apply to, and the planned diff,
 * stored apart by its SHA-256 (workflow histories carry only the digest).
 *
 * @param files changed files with their line counts, in path order
 * @param diffSha256 digest of the unified diff of the whole change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DteMissionPlan(
    String baseCommit,
    List<PlannedBatch> batches,
    String buildCheck,
    DtePreview.Summary summary,
    List<FileSummary> files,
    List<String> warnings,
    String diffSha256,
    long diffBytes) {

  /** One changed file. */
  public record FileSummary(String path, String newPath, int insertions, int deletions) {}
}
