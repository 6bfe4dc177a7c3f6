package dev.atomic.mission;

/**
 * Payload of the {@code approveCheckpoint} and {@code rejectCheckpoint} signals.
 *
 * @param checkpoint {@code plan}, {@code execute}, {@code verify} or {@code finalize}; a signal
 *     naming anything else is recorded and ignored
 */
public record CheckpointSignal(String checkpoint, String actor, String comment) {}
