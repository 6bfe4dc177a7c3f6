package dev.atomic.api.mission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the API starts and talks to missions.
 *
 * @param approvalTimeout how long a checkpoint waits for a decision before the mission expires
 * @param autoApproveLowRisk approve the plan of a low-risk mission by policy (actor {@code policy})
 * @param startTimeout how long {@code POST /missions} waits for the workflow's first record
 * @param updateTimeout how long approve, reject, batch and rollback wait for the workflow
 * @param decisionTokenTtl how long a decision token for a Temporal signal stays valid
 */
@ConfigurationProperties("atomic.missions")
record MissionSettings(
    Duration approvalTimeout,
    boolean autoApproveLowRisk,
    Duration startTimeout,
    Duration updateTimeout,
    Duration decisionTokenTtl) {

  MissionSettings {
    decisionTokenTtl = decisionTokenTtl == null ? Duration.ofMinutes(5) : decisionTokenTtl;
  }
}
