package dev.atomic.mission;

/**
 * Payload of the {@code approveCheckpoint} and {@code rejectCheckpoint} signals.
 *
 * @param checkpoint {@code plan}, {@code execute}, {@code verify} or {@code finalize}; a signal
 *     naming anything else is recorded and ignored
 * @param actor who claims to decide; where the mission requires decision tokens, the token's holder
 *     is recorded instead
 * @param token a decision token the API issued for this mission, checkpoint and verdict
 *     (docs/security.md); a mission that requires one ignores a signal without it
 */
public record CheckpointSignal(String checkpoint, String actor, String comment, String token) {

  /** A signal without a decision token. */
  public CheckpointSignal(String checkpoint, String actor, String comment) {
    this(checkpoint, actor, comment, null);
  }
}
