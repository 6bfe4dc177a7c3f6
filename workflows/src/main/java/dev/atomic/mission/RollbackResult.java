package dev.atomic.mission;

/** Result of the {@code rollbackBatch} update, as {@code POST /missions/{id}/rollback/{batch}}. */
public record RollbackResult(boolean success, String message, Batch batch) {}
