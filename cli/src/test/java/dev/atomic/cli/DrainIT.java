package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runbook's planned maintenance on a platform of its own: maintenance on, then {@code atomic
 * admin drain --wait} returns once the running activities are done, and a mission waiting for a
 * human does not hold it up; a drain that cannot finish in time says what still runs.
 */
@Timeout(600)
class DrainIT {

  @Test
  void drainWaitsForRunningActivitiesButNotForMissionsWaitingForAHuman() throws Exception {
    TestPlatform platform = TestPlatform.dedicated(true);
    try {
      String id =
          platform.createGovernedMission(platform.billingOrigin("drain"), "Drain", "medium");

      JsonNode running = awaitRunning(platform, id);
      assertThat(running.get("drained").asBoolean()).isFalse();
      assertThat(running.toString()).contains("\"workflowType\":\"MissionWorkflow\"");

      CliRun on = CliRun.atomic("admin", "maintenance", "on", "--url", platform.url());
      assertThat(on.exitCode()).as(on.err()).isZero();
      CliRun drained =
          CliRun.atomic(
              "admin", "drain", "--wait", "--interval", "PT0.5S", "--url", platform.url());

      assertThat(drained.exitCode()).as(drained.err()).isZero();
      assertThat(drained.out())
          .containsPattern("activit(y|ies) in 1 workflow\\(s\\) still pending")
          .contains("drained: no activity is scheduled or running")
          .containsPattern("waiting  " + id + " +MissionWorkflow +for a human at plan");
      assertThat(drained.err()).doesNotContain("maintenance is off");

      // approve: execute and verify run again, and a drain with little time says so
      platform.postJson("/missions/" + id + "/checkpoints/plan/approve", "{\"actor\":\"bob\"}");
      awaitRunning(platform, id);
      CliRun impatient =
          CliRun.atomic(
              "admin",
              "drain",
              "--wait",
              "--timeout",
              "PT1S",
              "--interval",
              "PT0.5S",
              "--url",
              platform.url());
      assertThat(impatient.exitCode()).isEqualTo(1);
      assertThat(impatient.err()).contains("not drained after PT1S");
      assertThat(impatient.out()).containsPattern("running  " + id + " +MissionWorkflow +\\S+");

      CliRun json = CliRun.atomic("admin", "drain", "--output", "json", "--url", platform.url());
      assertThat(json.exitCode()).as(json.err()).isZero();
      assertThat(json.out()).containsPattern("\"maintenance\" ?: ?true");
    } finally {
      platform.platform.close();
    }
  }

  /** Polls until an activity of the mission is scheduled or running. */
  private static JsonNode awaitRunning(TestPlatform platform, String id) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      Response drain = platform.get("/admin/drain");
      assertThat(drain.status()).as(drain.body()).isEqualTo(200);
      for (JsonNode workflow : drain.json().get("running")) {
        if (workflow.get("workflowId").asText().equals(id)) {
          return drain.json();
        }
      }
      TestPlatform.sleep(Duration.ofMillis(50));
    }
    throw new AssertionError("no activity of " + id + " was ever seen running");
  }
}
