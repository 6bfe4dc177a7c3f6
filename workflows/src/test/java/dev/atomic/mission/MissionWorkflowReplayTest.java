package dev.atomic.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Guards determinism: recorded histories must replay against the current workflow code. */
class MissionWorkflowReplayTest {

  /**
   * A full ledger mission (plan, two batches, a rollback, an ignored signal, execute, finalize).
   */
  static final String RECORDED = "histories/mission-ledger.json";

  @Test
  void aRecordedMissionHistoryReplaysWithoutNonDeterminism() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(RECORDED, MissionWorkflowImpl.class);
  }

  @Test
  void aFreshMissionHistoryReplaysWithoutNonDeterminism() throws Exception {
    WorkflowExecutionHistory history = runLedgerMission();

    assertThat(history.getEvents()).hasSizeGreaterThan(10);
    WorkflowReplayer.replayWorkflowExecution(history, MissionWorkflowImpl.class);
    // Kept in target/ so a deliberate change of the workflow can refresh the recorded history.
    Path copy = Path.of("target", "mission-ledger-history.json");
    Files.writeString(copy, history.toJson(true));
  }

  @Test
  void aMissionWithDecisionTokensReplaysWithoutNonDeterminism() throws Exception {
    WorkflowExecutionHistory history;
    try (TestDatabase database = TestDatabase.h2();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Database db = new Database(database.dataSource());
      dev.atomic.identity.DecisionTokens tokens =
          new dev.atomic.identity.DecisionTokens(db, java.time.Clock.systemUTC());
      Worker worker = env.newWorker("replay-tokens");
      worker.registerWorkflowImplementationTypes(MissionWorkflowImpl.class);
      worker.registerActivitiesImplementations(new MissionActivitiesImpl(db));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      MissionWorkflow mission =
          client.newWorkflowStub(
              MissionWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("M-REPLAY2")
                  .setTaskQueue("replay-tokens")
                  .build());
      WorkflowClient.start(
          mission::run,
          new MissionRequest(
              "M-REPLAY2",
              "Replay",
              Risk.HIGH,
              "alice",
              "2026-11-28T10:00:00Z",
              3600,
              false,
              false,
              null,
              true));
      java.time.Duration ttl = java.time.Duration.ofMinutes(5);
      mission.approveCheckpoint(new CheckpointSignal("plan", "bob", "no token"));
      mission.approveCheckpoint(
          new CheckpointSignal(
              "plan",
              "bob",
              null,
              tokens.issue("M-REPLAY2", "plan", "approved", "alice", ttl).token()));
      mission.decideCheckpoint(
          new CheckpointDecisionRequest(
              "plan",
              Verdict.APPROVED,
              "bob",
              null,
              tokens.issue("M-REPLAY2", "plan", "approved", "bob", ttl).token()));
      mission.rejectCheckpoint(
          new CheckpointSignal(
              "execute",
              "carol",
              "stop",
              tokens.issue("M-REPLAY2", "execute", "rejected", "carol", ttl).token()));
      WorkflowStub.fromTyped(mission).getResult(Mission.class);
      history = client.fetchHistory("M-REPLAY2");
    }

    assertThat(history.toJson(false)).contains("RedeemDecisionToken");
    WorkflowReplayer.replayWorkflowExecution(history, MissionWorkflowImpl.class);
  }

  private static WorkflowExecutionHistory runLedgerMission() throws Exception {
    try (TestDatabase database = TestDatabase.h2();
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker("replay-test");
      worker.registerWorkflowImplementationTypes(MissionWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new MissionActivitiesImpl(new Database(database.dataSource())));
      env.start();
      WorkflowClient client = env.getWorkflowClient();
      MissionWorkflow mission =
          client.newWorkflowStub(
              MissionWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("M-REPLAY1")
                  .setTaskQueue("replay-test")
                  .build());
      WorkflowClient.start(
          mission::run,
          new MissionRequest(
              "M-REPLAY1",
              "Replay",
              Risk.MEDIUM,
              "alice",
              "2026-11-28T10:00:00Z",
              3600,
              true,
              false));
      mission.approveCheckpoint(new CheckpointSignal("finalize", "mallory", "too early"));
      mission.decideCheckpoint(
          new CheckpointDecisionRequest("plan", Verdict.APPROVED, "bob", null));
      mission.registerBatch(new BatchRequest("agent", "first"));
      mission.registerBatch(new BatchRequest("agent", "second"));
      mission.rollbackBatch(new RollbackRequest("batch-2", "bob", "flaky"));
      mission.approveCheckpoint(new CheckpointSignal("execute", "bob", null));
      MissionWorkflowTest.await(mission, m -> m.status() == MissionStatus.FINALIZING);
      mission.decideCheckpoint(
          new CheckpointDecisionRequest("finalize", Verdict.APPROVED, "carol", "ship it"));
      WorkflowStub.fromTyped(mission).getResult(Mission.class);
      return client.fetchHistory("M-REPLAY1");
    }
  }
}
