package dev.atomic.mission;

/**
 * Payload of the {@code decideCheckpoint} update: a signal's content plus the verdict.
 *
 * @param token the decision token that binds the decision to an authenticated caller
 */
public record CheckpointDecisionRequest(
    String checkpoint, Verdict verdict, String actor, String comment, String token) {

  /** A decision without a decision token. */
  public CheckpointDecisionRequest(
      String checkpoint, Verdict verdict, String actor, String comment) {
    this(checkpoint, verdict, actor, comment, null);
  }
}
