package dev.atomic.mission;

/**
 * A decision token to redeem for a checkpoint decision.
 *
 * @param redemptionId chosen by the workflow, the same on every retry of the activity
 */
public record DecisionTokenRedemption(
    String missionId, String checkpoint, String verdict, String token, String redemptionId) {}
