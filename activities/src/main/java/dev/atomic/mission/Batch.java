package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One batch of a mission: a unit of change that can be rolled back on its own.
 *
 * @param id {@code batch-<n>}, numbered from 1 within the mission
 * @param prs pull requests opened for the batch (none in ledger mode)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Batch(
    String id,
    boolean reversible,
    List<String> prs,
    BatchStatus status,
    String description,
    String createdAt) {

  public Batch {
    prs = prs == null ? List.of() : List.copyOf(prs);
  }

  public Batch rolledBack() {
    return new Batch(id, false, prs, BatchStatus.ROLLED_BACK, description, createdAt);
  }
}
