package dev.atomic.mission;

/** Payload of the {@code registerBatch} update. */
public record BatchRequest(String actor, String description) {}
