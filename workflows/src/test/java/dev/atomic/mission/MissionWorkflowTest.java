package dev.atomic.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MissionWorkflowTest {

  private static final TestDatabase DATABASE = TestDatabase.h2();
  private static final MissionStore STORE =
      new MissionStore(new Database(DATABASE.dataSource()), Clock.systemUTC());

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(MissionWorkflowImpl.class)
          .setActivityImplementations(
              new MissionActivitiesImpl(new Database(DATABASE.dataSource())))
          .registerSearchAttribute(
              "AtomicMissionStatus", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("AtomicCheckpoint", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .registerSearchAttribute("AtomicRisk", IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)
          .build();

  @AfterAll
  static void closeDatabase() throws Exception {
    DATABASE.close();
  }

  @Test
  void approvingThePlanOpensExecute(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    String id = missionId(mission);

    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", "looks right"));
    Mission after = await(mission, m -> m.status() == MissionStatus.EXECUTING);

    assertThat(after.checkpoint(CheckpointName.PLAN).orElseThrow().status())
        .isEqualTo(CheckpointStatus.APPROVED);
    assertThat(after.checkpoint(CheckpointName.PLAN).orElseThrow().decision())
        .isEqualTo(
            new Decision(
                "bob",
                after.checkpoint(CheckpointName.PLAN).orElseThrow().decision().at(),
                Verdict.APPROVED,
                "looks right"));
    assertThat(after.checkpoint(CheckpointName.EXECUTE).orElseThrow().status())
        .isEqualTo(CheckpointStatus.AWAITING_APPROVAL);
    // The workflow's state moves before the activity that records it has finished.
    awaitStored(id, after);
    assertThat(STORE.find(id)).contains(after);
    assertThat(STORE.events(id))
        .extracting(EvidenceEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.CHECKPOINT_OPENED);
  }

  @Test
  void aLedgerMissionRunsFromPlanToCompleted(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    String id = missionId(mission);

    decide(mission, "plan", Verdict.APPROVED, "bob");
    Batch first = mission.registerBatch(new BatchRequest("agent-7", "rename UserId in auth"));
    Batch second = mission.registerBatch(new BatchRequest("agent-7", null));
    Mission verifying = decide(mission, "execute", Verdict.APPROVED, "bob");
    Mission done = decide(mission, "finalize", Verdict.APPROVED, "carol");

    assertThat(first.id()).isEqualTo("batch-1");
    assertThat(second.id()).isEqualTo("batch-2");
    assertThat(verifying.status()).isEqualTo(MissionStatus.FINALIZING);
    Checkpoint verify = verifying.checkpoint(CheckpointName.VERIFY).orElseThrow();
    assertThat(verify.status()).isEqualTo(CheckpointStatus.COMPLETED);
    assertThat(verify.metrics())
        .containsEntry("result", "nothing to verify")
        .doesNotContainKey("mutationScore");
    assertThat(done.status()).isEqualTo(MissionStatus.COMPLETED);
    assertThat(WorkflowStub.fromTyped(mission).getResult(Mission.class).status())
        .isEqualTo(MissionStatus.COMPLETED);

    List<EvidenceEvent> events = STORE.events(id);
    assertThat(events).extracting(EvidenceEvent::seq).containsExactly(seqs(events.size()));
    assertThat(events)
        .extracting(EvidenceEvent::id)
        .doesNotHaveDuplicates()
        .allMatch(e -> e.startsWith("EVT-" + id + "-"));
    assertThat(events)
        .extracting(EvidenceEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.BATCH_REGISTERED,
            EventTypes.BATCH_REGISTERED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.VERIFICATION_COMPLETED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.MISSION_COMPLETED);
    assertThat(STORE.find(id).orElseThrow().status()).isEqualTo(MissionStatus.COMPLETED);
  }

  @Test
  void rejectingACheckpointEndsTheMission(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");

    mission.rejectCheckpoint(new CheckpointSignal("plan", "bob", "scope too wide"));
    Mission result = WorkflowStub.fromTyped(mission).getResult(Mission.class);

    assertThat(result.status()).isEqualTo(MissionStatus.REJECTED);
    assertThat(result.reason()).contains("plan rejected by bob");
    assertThat(result.checkpoint(CheckpointName.PLAN).orElseThrow().status())
        .isEqualTo(CheckpointStatus.REJECTED);
    assertThat(result.checkpoint(CheckpointName.EXECUTE).orElseThrow().status())
        .isEqualTo(CheckpointStatus.PENDING);
    assertThat(STORE.events(missionId(mission)))
        .extracting(EvidenceEvent::type)
        .endsWith(EventTypes.CHECKPOINT_REJECTED, EventTypes.MISSION_REJECTED);
  }

  @Test
  void aSignalInTheWrongStateIsRecordedAndIgnored(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    String id = missionId(mission);

    mission.approveCheckpoint(new CheckpointSignal("finalize", "mallory", null));
    mission.approveCheckpoint(new CheckpointSignal("deploy", "mallory", null));
    mission.approveCheckpoint(null);
    awaitEvents(id, 5);

    Mission after = mission.getMission();
    assertThat(after.status()).isEqualTo(MissionStatus.AWAITING_APPROVAL);
    assertThat(after.checkpoint(CheckpointName.FINALIZE).orElseThrow().status())
        .isEqualTo(CheckpointStatus.PENDING);
    List<EvidenceEvent> ignored =
        STORE.events(id).stream().filter(e -> e.type().equals(EventTypes.SIGNAL_IGNORED)).toList();
    assertThat(ignored).hasSize(3);
    assertThat(ignored.get(0).data()).containsEntry("checkpoint", "finalize");
    assertThat((String) ignored.get(0).data().get("reason"))
        .contains("finalize is pending, not awaiting_approval");
    assertThat((String) ignored.get(1).data().get("reason"))
        .contains("Checkpoint not found: 'deploy'");
    // The workflow is still healthy and takes the right decision afterwards.
    assertThat(decide(mission, "plan", Verdict.APPROVED, "bob").status())
        .isEqualTo(MissionStatus.EXECUTING);
  }

  @Test
  void rejectsApprovalOfAPendingCheckpoint(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");

    assertThatThrownBy(() -> decide(mission, "execute", Verdict.APPROVED, "bob"))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(
            caught -> {
              ApplicationFailure failure = MissionFailures.find(caught).orElseThrow();
              assertThat(failure.getType()).isEqualTo(MissionFailures.WRONG_STATE);
              assertThat(failure.getOriginalMessage())
                  .isEqualTo(
                      "checkpoint execute is pending, not awaiting_approval (plan is awaiting approval)");
            });
    assertThatThrownBy(() -> mission.registerBatch(new BatchRequest("agent", null)))
        .isInstanceOf(WorkflowUpdateException.class);
    assertThat(mission.getMission().status()).isEqualTo(MissionStatus.AWAITING_APPROVAL);
  }

  @Test
  void aLowRiskPlanIsApprovedByPolicy(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    MissionWorkflow mission = start(worker, client, Risk.LOW, "alice");

    Mission after = await(mission, m -> m.status() == MissionStatus.EXECUTING);

    assertThat(after.checkpoint(CheckpointName.PLAN).orElseThrow().decision().by())
        .isEqualTo("policy");
  }

  @Test
  void aHighRiskMissionNeedsASecondPersonAndAHumanAtVerify(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    MissionWorkflow mission = start(worker, client, Risk.HIGH, "alice");

    assertThatThrownBy(() -> decide(mission, "plan", Verdict.APPROVED, "alice"))
        .isInstanceOf(WorkflowUpdateException.class)
        .satisfies(
            f ->
                assertThat(MissionFailures.find(f).orElseThrow().getType())
                    .isEqualTo(MissionFailures.FORBIDDEN));
    decide(mission, "plan", Verdict.APPROVED, "bob");
    Mission verifying = decide(mission, "execute", Verdict.APPROVED, "bob");

    assertThat(verifying.status()).isEqualTo(MissionStatus.VERIFYING);
    assertThat(verifying.checkpoint(CheckpointName.VERIFY).orElseThrow().actor()).isEqualTo("both");
    assertThat(verifying.checkpoint(CheckpointName.VERIFY).orElseThrow().status())
        .isEqualTo(CheckpointStatus.AWAITING_APPROVAL);
    assertThat(decide(mission, "verify", Verdict.APPROVED, "carol").status())
        .isEqualTo(MissionStatus.FINALIZING);
  }

  @Test
  void aCheckpointWithoutDecisionExpires(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");

    env.sleep(Duration.ofHours(2));
    Mission result = WorkflowStub.fromTyped(mission).getResult(Mission.class);

    assertThat(result.status()).isEqualTo(MissionStatus.EXPIRED);
    assertThat(result.reason())
        .contains("no decision within PT1H")
        .contains("plan is awaiting approval");
    assertThat(result.checkpoint(CheckpointName.PLAN).orElseThrow().status())
        .isEqualTo(CheckpointStatus.FAILED);
  }

  @Test
  void rollingBackABatchMarksItAndRecordsTheEvent(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    decide(mission, "plan", Verdict.APPROVED, "bob");
    mission.registerBatch(new BatchRequest("agent", "first"));

    RollbackResult result =
        mission.rollbackBatch(new RollbackRequest("batch-1", "bob", "broke the build"));

    assertThat(result.success()).isTrue();
    assertThat(result.batch().status()).isEqualTo(BatchStatus.ROLLED_BACK);
    assertThat(mission.getMission().checkpoint(CheckpointName.EXECUTE).orElseThrow().batches())
        .singleElement()
        .satisfies(b -> assertThat(b.reversible()).isFalse());
    assertThat(STORE.events(missionId(mission)))
        .last()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(EventTypes.ROLLBACK_APPLIED);
              assertThat(e.data())
                  .containsEntry("batchId", "batch-1")
                  .containsEntry("reason", "broke the build");
            });
    assertThatThrownBy(() -> mission.rollbackBatch(new RollbackRequest("batch-1", "bob", null)))
        .satisfies(
            f ->
                assertThat(MissionFailures.find(f).orElseThrow().getType())
                    .isEqualTo(MissionFailures.WRONG_STATE));
    assertThatThrownBy(() -> mission.rollbackBatch(new RollbackRequest("batch-9", "bob", null)))
        .satisfies(
            f ->
                assertThat(MissionFailures.find(f).orElseThrow().getType())
                    .isEqualTo(MissionFailures.NOT_FOUND));
  }

  @Test
  void eventsRecordedOutsideTheWorkflowShareItsChain(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    String id = missionId(mission);
    awaitEvents(id, 2);
    EvidenceStore evidence =
        new EvidenceStore(new Database(DATABASE.dataSource()), SecretRedactor.builtIn());
    // Takes seq 3, which the workflow's next event would have had.
    evidence.record(id, id, "CiPipelinePassed", "ci", java.time.Instant.now(), Map.of("run", 7));

    Mission executing = decide(mission, "plan", Verdict.APPROVED, "bob");
    mission.registerBatch(new BatchRequest("agent", "first"));

    assertThat(executing.status()).isEqualTo(MissionStatus.EXECUTING);
    List<ChainedEvent> chain = evidence.chain(id);
    assertThat(chain)
        .extracting(ChainedEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED,
            EventTypes.CHECKPOINT_OPENED,
            "CiPipelinePassed",
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.BATCH_REGISTERED);
    assertThat(chain.get(5).id()).isEqualTo("EVT-" + id + "-6");
    assertThat(evidence.verify(id).ok()).isTrue();
  }

  @Test
  void keepsSearchAttributesAndMemoCurrent(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    decide(mission, "plan", Verdict.APPROVED, "bob");

    var description = WorkflowStub.fromTyped(mission).describe();

    assertThat(description.getTypedSearchAttributes().get(MissionSearchAttributes.STATUS))
        .isEqualTo("executing");
    assertThat(description.getTypedSearchAttributes().get(MissionSearchAttributes.CHECKPOINT))
        .isEqualTo("execute");
    assertThat(description.getTypedSearchAttributes().get(MissionSearchAttributes.RISK))
        .isEqualTo("medium");
    assertThat(description.getMemo(MissionSearchAttributes.MEMO_TITLE, String.class))
        .isEqualTo("Rename UserId");
  }

  static MissionWorkflow start(Worker worker, WorkflowClient client, Risk risk, String requester) {
    String id = "M-T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    MissionWorkflow workflow =
        client.newWorkflowStub(
            MissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(worker.getTaskQueue())
                .setMemo(Map.of(MissionSearchAttributes.MEMO_TITLE, "Rename UserId"))
                .setTypedSearchAttributes(
                    io.temporal.common.SearchAttributes.newBuilder()
                        .set(MissionSearchAttributes.RISK, risk.wire())
                        .build())
                .build());
    WorkflowClient.start(
        workflow::run,
        new MissionRequest(
            id, "Rename UserId", risk, requester, "2026-11-28T10:00:00Z", 3600, true, true));
    return workflow;
  }

  static Mission decide(MissionWorkflow mission, String checkpoint, Verdict verdict, String actor) {
    return mission.decideCheckpoint(
        new CheckpointDecisionRequest(checkpoint, verdict, actor, null));
  }

  static String missionId(MissionWorkflow mission) {
    return WorkflowStub.fromTyped(mission).getExecution().getWorkflowId();
  }

  static Mission await(MissionWorkflow mission, Predicate<Mission> condition) {
    long deadline = System.currentTimeMillis() + 10_000;
    Mission current = mission.getMission();
    while ((current == null || !condition.test(current)) && System.currentTimeMillis() < deadline) {
      sleep();
      current = mission.getMission();
    }
    assertThat(current).matches(condition);
    return current;
  }

  private static void awaitStored(String missionId, Mission expected) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (!STORE.find(missionId).equals(Optional.of(expected))
        && System.currentTimeMillis() < deadline) {
      sleep();
    }
  }

  private static void awaitEvents(String missionId, int count) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (STORE.events(missionId).size() < count && System.currentTimeMillis() < deadline) {
      sleep();
    }
  }

  private static Long[] seqs(int n) {
    Long[] seqs = new Long[n];
    for (int i = 0; i < n; i++) {
      seqs[i] = (long) i + 1;
    }
    return seqs;
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
