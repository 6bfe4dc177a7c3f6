package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.TestPlatform.Response;
import org.junit.jupiter.api.Test;

/** Maintenance mode blocks new missions, not the progress of running ones. */
class MaintenanceIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void maintenanceRefusesNewMissionsWhileRunningOnesGoOn() {
    String running = platform.createMission("Running through maintenance", "medium");
    try {
      CliRun on =
          CliRun.atomic(
              "admin",
              "maintenance",
              "on",
              "--reason",
              "database upgrade",
              "--url",
              platform.url());
      assertThat(on.exitCode()).as(on.err()).isZero();
      assertThat(on.out()).contains("maintenance ON: database upgrade");

      Response refused = platform.postJson("/missions", "{\"title\": \"During maintenance\"}");
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.headers().get("retry-after")).containsExactly("300");
      assertThat(refused.json().get("error").asText())
          .isEqualTo("Maintenance in progress: no new missions");
      assertThat(refused.json().get("details").asText()).contains("database upgrade");
      // Running missions go on: a decision on one is applied.
      assertThat(platform.postEmpty("/missions/" + running + "/checkpoints/plan/approve").status())
          .isEqualTo(200);
      assertThat(platform.get("/admin/maintenance").json().get("active").asBoolean()).isTrue();
    } finally {
      CliRun off = CliRun.atomic("admin", "maintenance", "off", "--url", platform.url());
      assertThat(off.exitCode()).as(off.err()).isZero();
      assertThat(off.out()).contains("maintenance off");
    }
    assertThat(platform.postJson("/missions", "{\"title\": \"After maintenance\"}").status())
        .isEqualTo(201);
    assertThat(
            CliRun.atomic("admin", "maintenance", "sideways", "--url", platform.url()).exitCode())
        .isEqualTo(2);
  }
}
