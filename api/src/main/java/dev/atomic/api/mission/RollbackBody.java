package dev.atomic.api.mission;

/** Optional body of {@code POST /missions/{id}/rollback/{batchId}}. */
record RollbackBody(String actor, String reason) {}
