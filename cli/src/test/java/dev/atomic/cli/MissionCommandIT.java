package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.platform.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code atomic mission} commands against the running platform(). */
class MissionCommandIT {

  private TestPlatform platform() {
    return TestPlatform.shared();
  }

  record Run(int exitCode, String out, String err) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(out);
    }
  }

  /** Runs {@code atomic ARGS} in this JVM, as the installed command would. */
  Run atomicFor(String... args) {
    return atomic(args);
  }

  private Run atomic(String... args) {
    CommandLine command = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    int code = command.execute(all.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void createsAMissionAndShowsIt() throws Exception {
    Run created =
        atomic(
            "mission",
            "create",
            "--title",
            "CLI migration",
            "--risk",
            "high",
            "--actor",
            "alice",
            "--url",
            platform().url(),
            "--output",
            "json");

    assertThat(created.exitCode()).as(created.err()).isZero();
    String id = created.json().get("missionId").asText();
    assertThat(created.json().get("requestedBy").asText()).isEqualTo("alice");
    assertThat(created.json().get("risk").asText()).isEqualTo("high");

    Run status = atomic("mission", "status", "--mission", id, "--url", platform().url());
    assertThat(status.exitCode()).isZero();
    assertThat(status.out())
        .contains(id, "CLI migration", "risk=high", "plan", "awaiting_approval");

    Run list =
        atomic(
            "mission", "list", "--status", "active", "--url", platform().url(), "--output", "json");
    assertThat(list.exitCode()).isZero();
    List<String> ids = new ArrayList<>();
    list.json().forEach(m -> ids.add(m.get("missionId").asText()));
    assertThat(ids).contains(id);
  }

  @Test
  void approveThroughATemporalSignalMovesTheMissionAndIsRecorded() throws Exception {
    String id = platform().createMission("Signal approvals", "medium");

    Run approved =
        atomic(
            "mission",
            "approve",
            "--mission",
            id,
            "--checkpoint",
            "plan",
            "--comment",
            "go",
            "--actor",
            "bob",
            "--temporal",
            platform().temporal(),
            "--url",
            platform().url(),
            "--output",
            "json");

    assertThat(approved.exitCode()).as(approved.err()).isZero();
    assertThat(approved.json().at("/checkpoints/0/decision/by").asText()).isEqualTo("bob");
    assertThat(approved.json().at("/checkpoints/1/status").asText()).isEqualTo("awaiting_approval");
    JsonNode stored = platform().get("/missions/" + id).json();
    assertThat(stored.at("/checkpoints/0/status").asText()).isEqualTo("approved");
    assertThat(stored.at("/checkpoints/0/decision/comment").asText()).isEqualTo("go");
    assertThat(platform().store().events(id))
        .filteredOn(e -> e.type().equals("CheckpointApproved"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("bob");
              assertThat(e.data())
                  .containsEntry("checkpoint", "plan")
                  .containsEntry("comment", "go");
            });

    Run again =
        atomic(
            "mission",
            "approve",
            "--mission",
            id,
            "--checkpoint",
            "plan",
            "--temporal",
            platform().temporal());
    assertThat(again.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(again.err()).contains("checkpoint plan is approved, not awaiting_approval");
  }

  @Test
  void rejectOverRestEndsTheMission() throws Exception {
    String id = platform().createMission("Reject over REST", "medium");

    Run rejected =
        atomic(
            "mission",
            "reject",
            "--mission",
            id,
            "--checkpoint",
            "plan",
            "--comment",
            "not now",
            "--url",
            platform().url());

    assertThat(rejected.exitCode()).as(rejected.err()).isZero();
    assertThat(rejected.out()).contains("status=rejected", "rejected by");
    List<EvidenceEvent> events = platform().store().events(id);
    assertThat(events)
        .extracting(EvidenceEvent::type)
        .endsWith("CheckpointRejected", "MissionRejected");
  }

  @Test
  void errorsUseTheDocumentedExitCodes() {
    String id = platform().createMission("Exit codes", "medium");

    Run unknownMission =
        atomic("mission", "status", "--mission", "M-MISSING", "--url", platform().url());
    Run unknownMissionSignal =
        atomic(
            "mission",
            "approve",
            "--mission",
            "M-MISSING",
            "--checkpoint",
            "plan",
            "--temporal",
            platform().temporal());
    Run unknownCheckpoint =
        atomic(
            "mission",
            "approve",
            "--mission",
            id,
            "--checkpoint",
            "ship",
            "--url",
            platform().url());
    Run wrongState =
        atomic(
            "mission",
            "approve",
            "--mission",
            id,
            "--checkpoint",
            "finalize",
            "--url",
            platform().url());
    Run badRisk =
        atomic("mission", "create", "--title", "x", "--risk", "extreme", "--url", platform().url());
    Run missingOption = atomic("mission", "create", "--url", platform().url());
    Run unreachable =
        atomic("mission", "list", "--url", "http://127.0.0.1:" + TestPlatform.freePort());
    Run badUrl = atomic("mission", "list", "--url", "ftp://example");

    assertThat(unknownMission.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unknownMission.err()).contains("Mission not found");
    assertThat(unknownMissionSignal.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unknownCheckpoint.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unknownCheckpoint.err()).contains("Checkpoint not found: 'ship'");
    assertThat(wrongState.exitCode()).isEqualTo(ExitCodes.CONFLICT);
    assertThat(wrongState.err()).contains("checkpoint finalize is pending, not awaiting_approval");
    assertThat(badRisk.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badRisk.err()).contains("'risk' must be one of [low, medium, high]");
    assertThat(missingOption.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missingOption.err()).contains("Missing required option: '--title");
    assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(unreachable.err()).contains("cannot reach Atomic");
    assertThat(badUrl.exitCode()).isEqualTo(ExitCodes.USAGE);
    for (Run run : List.of(unknownMission, unknownCheckpoint, wrongState, badRisk, unreachable)) {
      assertThat(run.err()).doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void batchesAndRollbackFromTheCommandLine() throws Exception {
    String id = platform().createMission("Batches", "low");

    Run batch =
        atomic(
            "mission",
            "batch",
            "--mission",
            id,
            "--description",
            "first",
            "--url",
            platform().url());
    Run rollback =
        atomic(
            "mission",
            "rollback",
            "--mission",
            id,
            "--batch",
            "batch-1",
            "--reason",
            "broken",
            "--url",
            platform().url());
    Run unknown =
        atomic(
            "mission",
            "rollback",
            "--mission",
            id,
            "--batch",
            "batch-9",
            "--url",
            platform().url());

    assertThat(batch.exitCode()).as(batch.err()).isZero();
    assertThat(batch.json().get("id").asText()).isEqualTo("batch-1");
    assertThat(rollback.exitCode()).as(rollback.err()).isZero();
    assertThat(rollback.out()).contains("batch-1 rolled back");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
  }
}
