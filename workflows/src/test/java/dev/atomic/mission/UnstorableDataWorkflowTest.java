package dev.atomic.mission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Data that came past the REST edge (a client starting or signalling the workflow directly) and
 * that no store can keep ends the mission failed with the reason as evidence, never in an endless
 * retry of the record activity.
 */
@Timeout(60)
class UnstorableDataWorkflowTest {

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
  void aTitleWithAnUnpairedSurrogateFailsTheMissionWithTheReason(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    String id = newId();
    Mission end = run(worker, client, id, "Rename \ud800 UserId", "alice");

    assertThat(end.status()).isEqualTo(MissionStatus.FAILED);
    assertThat(end.reason())
        .isEqualTo(
            "data that cannot be stored: 'mission.title' holds an unpaired UTF-16 surrogate at"
                + " position 7 (stored with U+FFFD for each invalid character, cut to its column)");
    Mission stored = STORE.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(MissionStatus.FAILED);
    assertThat(stored.title()).isEqualTo("Rename \uFFFD UserId");
    assertThat(stored.reason()).isEqualTo(end.reason());
    java.util.List<EvidenceEvent> events = STORE.events(id);
    assertThat(events)
        .extracting(EvidenceEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED, EventTypes.CHECKPOINT_OPENED, EventTypes.MISSION_FAILED);
    assertThat(events.get(0).data()).containsEntry("title", "Rename \uFFFD UserId");
    assertThat(events.get(2).data())
        .containsEntry("reason", end.reason())
        .containsEntry(
            "repairedEvents",
            java.util.List.of(EventTypes.MISSION_CREATED, EventTypes.CHECKPOINT_OPENED));
  }

  @Test
  void anOversizeRequesterFailsTheMissionAndIsStoredCut(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    String id = newId();
    Mission end = run(worker, client, id, "Rename UserId", "a".repeat(300));

    assertThat(end.status()).isEqualTo(MissionStatus.FAILED);
    assertThat(end.reason())
        .isEqualTo(
            "data that cannot be stored: 'mission.requestedBy' is 300 characters long; at most"
                + " 200 fit (stored with U+FFFD for each invalid character, cut to its column)");
    assertThat(STORE.find(id).orElseThrow().requestedBy()).hasSize(200).endsWith("a…");
  }

  @Test
  void aDecisionCommentWithANulFailsTheMissionAndLaterDecisionsAreRefused(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    String id = newId();
    MissionWorkflow mission = start(worker, client, id, "Rename UserId", "alice");
    MissionWorkflowTest.await(mission, m -> m.status() == MissionStatus.AWAITING_APPROVAL);

    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", "ok\u0000"));
    Mission end = WorkflowStub.fromTyped(mission).getResult(10, TimeUnit.SECONDS, Mission.class);

    assertThat(end.status()).isEqualTo(MissionStatus.FAILED);
    assertThat(end.reason())
        .startsWith("data that cannot be stored: ")
        .contains("holds a NUL character at position 2");
    // The decision is in the chain as it happened, its comment repaired, then the failure.
    java.util.List<EvidenceEvent> events = STORE.events(id);
    assertThat(events)
        .extracting(EvidenceEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.MISSION_FAILED);
    assertThat(events.get(2).data()).containsEntry("comment", "ok\uFFFD");
    Mission stored = STORE.find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(MissionStatus.FAILED);
    assertThat(stored.checkpoint(CheckpointName.PLAN).orElseThrow().decision().comment())
        .isEqualTo("ok\uFFFD");
    assertThat(stored.checkpoint(CheckpointName.EXECUTE).orElseThrow().status())
        .isEqualTo(CheckpointStatus.FAILED);

    // The failure path is deterministic: its history replays against the workflow code.
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory(id), MissionWorkflowImpl.class);
  }

  private static String newId() {
    return "M-U" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static MissionWorkflow start(
      Worker worker, WorkflowClient client, String id, String title, String requester) {
    MissionWorkflow workflow =
        client.newWorkflowStub(
            MissionWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(worker.getTaskQueue())
                .build());
    WorkflowClient.start(
        workflow::run,
        new MissionRequest(
            id, title, Risk.MEDIUM, requester, "2026-12-06T10:00:00Z", 3600, true, false));
    return workflow;
  }

  private static Mission run(
      Worker worker, WorkflowClient client, String id, String title, String requester)
      throws Exception {
    MissionWorkflow mission = start(worker, client, id, title, requester);
    return WorkflowStub.fromTyped(mission).getResult(10, TimeUnit.SECONDS, Mission.class);
  }
}
