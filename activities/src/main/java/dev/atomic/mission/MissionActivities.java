package dev.atomic.mission;

import dev.atomic.identity.DecisionTokens;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Persists what a mission workflow decided. */
@ActivityInterface
public interface MissionActivities {

  /** The failure type of a transition whose data no store can keep. */
  String UNSTORABLE = "UnstorableData";

  /**
   * Appends the transition's evidence events and stores the mission snapshot in one transaction.
   * Idempotent: event ids and the version make a retry write nothing twice. When an event written
   * outside the workflow holds the position of one of the transition's events, nothing is written
   * and the outcome names the next free position.
   *
   * <p>A transition holding data no store can keep (text that is not valid Unicode or holds NUL,
   * values longer than their column) fails at once, not retried, with an {@code ApplicationFailure}
   * of type {@value #UNSTORABLE} whose message names the field; the workflow then ends the mission
   * {@code failed} with that reason, in a transition marked {@link MissionTransition#repairText}.
   */
  @ActivityMethod(name = "RecordMissionTransition")
  TransitionOutcome recordTransition(MissionTransition transition);

  /**
   * Redeems the decision token a checkpoint decision carries: the actor it was issued to, or why it
   * does not count (unknown, expired, used, for another decision). Idempotent for one {@code
   * redemptionId}.
   */
  @ActivityMethod(name = "RedeemDecisionToken")
  DecisionTokens.Redemption redeemDecisionToken(DecisionTokenRedemption redemption);
}
