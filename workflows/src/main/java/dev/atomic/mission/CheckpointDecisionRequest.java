package dev.atomic.mission;

/** Payload of the {@code decideCheckpoint} update: a signal's content plus the verdict. */
public record CheckpointDecisionRequest(
    String checkpoint, Verdict verdict, String actor, String comment) {}
