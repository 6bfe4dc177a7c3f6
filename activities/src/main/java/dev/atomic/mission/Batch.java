package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One batch of a mission: a unit of change that can be rolled back on its own.
 *
 * @param id {@code batch-<n>}, numbered from 1 within the mission
 * @param prs pull requests opened for the batch (none in ledger mode)
 * @param files the files its commit changes (governed missions)
 * @param commit its commit on {@code atomic/<missionId>} once applied
 * @param dependsOn earlier batches it cannot stand without
 * @param reason why it is larger than the batch size asked for, where it is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Batch(
    String id,
    boolean reversible,
    List<String> prs,
    BatchStatus status,
    String description,
    String createdAt,
    List<String> files,
    String commit,
    List<String> dependsOn,
    String reason) {

  public Batch {
    prs = prs == null ? List.of() : List.copyOf(prs);
    files = files == null ? null : List.copyOf(files);
    dependsOn = dependsOn == null ? null : List.copyOf(dependsOn);
  }

  /** A batch an agent registered (ledger mode). */
  public Batch(
      String id,
      boolean reversible,
      List<String> prs,
      BatchStatus status,
      String description,
      String createdAt) {
    this(id, reversible, prs, status, description, createdAt, null, null, null, null);
  }

  public Batch rolledBack() {
    return new Batch(
        id,
        false,
        prs,
        BatchStatus.ROLLED_BACK,
        description,
        createdAt,
        files,
        commit,
        dependsOn,
        reason);
  }

  /** The batch once its commit is on the mission's branch. */
  public Batch applied(String commitId, String at) {
    return new Batch(
        id, true, prs, BatchStatus.APPLIED, description, at, files, commitId, dependsOn, reason);
  }

  public Batch withReversible(boolean value) {
    return new Batch(
        id, value, prs, status, description, createdAt, files, commit, dependsOn, reason);
  }
}
