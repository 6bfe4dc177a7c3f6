package dev.atomic.mission;

/**
 * Input of a mission workflow.
 *
 * @param missionId also the workflow id, {@code M-…}
 * @param createdAt ISO-8601 instant at which the mission was requested
 * @param approvalTimeoutSeconds how long a checkpoint may wait for a decision before the mission
 *     expires
 * @param autoApproveLowRisk approve the plan of a low-risk mission by policy
 * @param searchAttributes keep the Atomic search attributes current (false where the server has not
 *     registered them)
 * @param governed the repository and ChangeSpec of a governed mission; null in ledger mode
 * @param decisionTokens a decision counts only with a decision token the API issued
 *     (docs/security.md); null or false for missions started before tokens existed
 */
public record MissionRequest(
    String missionId,
    String title,
    Risk risk,
    String requestedBy,
    String createdAt,
    long approvalTimeoutSeconds,
    boolean autoApproveLowRisk,
    boolean searchAttributes,
    Governed governed,
    Boolean decisionTokens) {

  /** A mission whose decisions need no decision token. */
  public MissionRequest(
      String missionId,
      String title,
      Risk risk,
      String requestedBy,
      String createdAt,
      long approvalTimeoutSeconds,
      boolean autoApproveLowRisk,
      boolean searchAttributes,
      Governed governed) {
    this(
        missionId,
        title,
        risk,
        requestedBy,
        createdAt,
        approvalTimeoutSeconds,
        autoApproveLowRisk,
        searchAttributes,
        governed,
        null);
  }

  /** Whether decisions need a decision token. */
  public boolean requiresDecisionTokens() {
    return Boolean.TRUE.equals(decisionTokens);
  }

  /** A ledger mission, as before governed missions existed. */
  public MissionRequest(
      String missionId,
      String title,
      Risk risk,
      String requestedBy,
      String createdAt,
      long approvalTimeoutSeconds,
      boolean autoApproveLowRisk,
      boolean searchAttributes) {
    this(
        missionId,
        title,
        risk,
        requestedBy,
        createdAt,
        approvalTimeoutSeconds,
        autoApproveLowRisk,
        searchAttributes,
        null,
        null);
  }

  /**
   * What a governed mission changes.
   *
   * @param repository a validated {@code https://} or {@code file://} URL
   * @param ref the base branch or tag; null for the origin's default branch
   * @param batchSize target files per batch
   * @param budgetUsd the mission's budget ({@code mission:<id>}), already set; null for none
   */
  public record Governed(
      String repository,
      String ref,
      dev.atomic.dte.ChangeSpec changeSpec,
      int batchSize,
      java.math.BigDecimal budgetUsd) {}
}
