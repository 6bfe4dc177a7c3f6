package dev.atomic.api.mission;

/**
 * Optional body of {@code POST /missions/{id}/rollback/{batchId}}.
 *
 * @param cascade also roll back the applied batches that depend on it, newest first
 */
record RollbackBody(String actor, String reason, Boolean cascade) {}
