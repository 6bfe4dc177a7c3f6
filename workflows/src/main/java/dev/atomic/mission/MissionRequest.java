package dev.atomic.mission;

/**
 * Input of a mission workflow.
 *
 * @param missionId also the workflow id, {@code M-…}
 * @param createdAt ISO-8601 instant at which the mission was requested
 * @param approvalTimeoutSeconds how long a checkpoint may wait for a decision before the
 *     mission expires
 * @param autoApproveLowRisk approve the plan of a low-risk mission by policy
 * @param searchAttributes keep the Atomic search attributes current (false where the server
 *     has not registered them)
 */
public record MissionRequest(
    String missionId,
    String title,
    Risk risk,
    String requestedBy,
    String createdAt,
    long approvalTimeoutSeconds,
    boolean autoApproveLowRisk,
    boolean searchAttributes) {}
