package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.dte.DemoRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The runbook's planned maintenance on a platform of its own: maintenance on, then {@code atomic
 * admin drain --wait} returns once the running activities are done, and a mission waiting for a
 * human does not hold it up; a drain that cannot finish in time says what still runs.
 */
@Timeout(600)
class DrainIT {

  private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");

  @Test
  void drainWaitsForRunningActivitiesButNotForMissionsWaitingForAHuman() throws Exception {
    TestPlatform platform = TestPlatform.dedicated(true);
    try {
      Path origin = platform.home.resolve("origins").resolve("drain");
      Files.createDirectories(origin);
      DemoRepo.copy("billing-repo", origin);
      try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
        git.add().addFilepattern(".").call();
        git.commit().setAuthor(ME).setCommitter(ME).setSign(false).setMessage("billing").call();
      }
      Response created =
          platform.postJson(
              "/missions",
              """
              {"title": "Drain", "risk": "medium", "requestedBy": "alice",
               "repository": {"url": "%s", "ref": "main"}, "batchSize": 1, "changeSpec": %s}
              """
                  .formatted(
                      origin.toUri(),
                      Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-003.json"))));
      assertThat(created.status()).as(created.body()).isIn(201, 202);
      String id = created.json().get("missionId").asText();

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
