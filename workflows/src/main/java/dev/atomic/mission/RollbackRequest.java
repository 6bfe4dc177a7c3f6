package dev.atomic.mission;

/** Payload of the {@code rollbackBatch} update. */
public record RollbackRequest(String batchId, String actor, String reason, boolean cascade) {

  /** A rollback of one batch alone. */
  public RollbackRequest(String batchId, String actor, String reason) {
    this(batchId, actor, reason, false);
  }
}
