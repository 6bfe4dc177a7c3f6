package dev.atomic.api.mission;

/** Optional body of {@code POST /missions/{id}/batches}. */
record BatchBody(String actor, String description) {}
