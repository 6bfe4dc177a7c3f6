package dev.atomic.mission;

/** Payload of the {@code rollbackBatch} update. */
public record RollbackRequest(String batchId, String actor, String reason) {}
