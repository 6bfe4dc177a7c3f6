package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.dte.DemoRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code atomic demo} against the running platform: a governed mission through every checkpoint.
 */
@Timeout(600)
class DemoCommandIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void runsAMissionToAVerifiedAuditPackWithApprovalsAsSignals() throws Exception {
    Path home = Files.createDirectories(platform.home.resolve("demo-home"));

    CliRun demo =
        CliRun.atomic(
            "demo",
            "--url",
            platform.url(),
            "--temporal",
            platform.temporal(),
            "--home",
            home.toString(),
            "--examples",
            DemoRepo.EXAMPLES.toString());

    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out())
        .containsSubsequence(
            "Using the platform running at",
            "3. The plan, as the approver reviews it",
            "batch-5  com/acme/report/Dashboard.java  depends on batch-4",
            "plan approved by demo-approver (Temporal signal approveCheckpoint)",
            "batch-7",
            "5. Verify on the branch head",
            "passed true",
            "finalize approved by demo-approver",
            " completed in ",
            "CS-003 batch 7/7",
            "offline verification: verified");
    try (var packs = Files.list(home.resolve("demo"))) {
      assertThat(packs.filter(p -> p.toString().endsWith("-audit-pack.zip"))).hasSize(1);
    }
  }

  @Test
  void saysWhereTheExampleIsMissing() {
    CliRun demo =
        CliRun.atomic(
            "demo",
            "--url",
            platform.url(),
            "--examples",
            platform.home.resolve("nowhere").toString());

    assertThat(demo.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(demo.err()).contains("cannot find the demo's example under", "ATOMIC_EXAMPLES");
  }
}
