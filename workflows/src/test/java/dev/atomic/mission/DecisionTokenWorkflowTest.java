package dev.atomic.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.identity.DecisionTokens;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A mission that requires decision tokens counts a decision only with a token the API issued, and
 * records the token's holder, whatever the signal claims.
 */
class DecisionTokenWorkflowTest {

  private static final TestDatabase DATABASE = TestDatabase.h2();
  private static final Database DB = new Database(DATABASE.dataSource());
  private static final MissionStore STORE = new MissionStore(DB, Clock.systemUTC());
  private static final DecisionTokens TOKENS = new DecisionTokens(DB, Clock.systemUTC());

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(MissionWorkflowImpl.class)
          .setActivityImplementations(new MissionActivitiesImpl(DB))
          .build();

  @AfterAll
  static void closeDatabase() throws Exception {
    DATABASE.close();
  }

  @Test
  void aSignalWithAForgedActorAndNoTokenIsIgnoredAndAValidTokenCountsForItsHolder(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    String id = MissionWorkflowTest.missionId(mission);

    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", "forged"));
    awaitIgnored(id, 1);
    assertThat(mission.getMission().status()).isEqualTo(MissionStatus.AWAITING_APPROVAL);

    String token = issue(id, "plan", "approved", "carol");
    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", "reviewed", token));
    Mission approved =
        MissionWorkflowTest.await(mission, m -> m.status() == MissionStatus.EXECUTING);

    assertThat(approved.checkpoint(CheckpointName.PLAN).orElseThrow().decision().by())
        .isEqualTo("carol");
    EvidenceEvent ignored = ignored(id).get(0);
    assertThat(ignored.actor()).isEqualTo("unverified");
    assertThat((String) ignored.data().get("reason"))
        .contains("no decision token", "claimed actor: bob");
  }

  @Test
  void aTokenCountsOnceAndOnlyForItsMissionCheckpointAndVerdict(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.MEDIUM, "alice");
    String id = MissionWorkflowTest.missionId(mission);

    String rejectToken = issue(id, "plan", "rejected", "bob");
    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", null, rejectToken));
    String otherMission = issue("M-OTHER", "plan", "approved", "bob");
    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", null, otherMission));
    awaitIgnored(id, 2);

    String token = issue(id, "plan", "approved", "bob");
    mission.approveCheckpoint(new CheckpointSignal("plan", "bob", null, token));
    MissionWorkflowTest.await(mission, m -> m.status() == MissionStatus.EXECUTING);
    // Replayed for the next checkpoint: used already, and for another checkpoint.
    mission.approveCheckpoint(new CheckpointSignal("execute", "bob", null, token));
    awaitIgnored(id, 3);

    List<EvidenceEvent> ignored = ignored(id);
    assertThat((String) ignored.get(0).data().get("reason"))
        .contains("the decision token is for rejected of plan on " + id);
    assertThat((String) ignored.get(1).data().get("reason")).contains("on M-OTHER");
    assertThat((String) ignored.get(2).data().get("reason")).contains("used already");
    assertThat(mission.getMission().status()).isEqualTo(MissionStatus.EXECUTING);
  }

  @Test
  void separationOfDutiesComparesTheVerifiedIdentity(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) throws Exception {
    MissionWorkflow mission = start(worker, client, Risk.HIGH, "alice");
    String id = MissionWorkflowTest.missionId(mission);

    // alice's own token, in a signal that claims bob: refused as alice's approval.
    mission.approveCheckpoint(
        new CheckpointSignal("plan", "bob", null, issue(id, "plan", "approved", "alice")));
    awaitIgnored(id, 1);
    assertThat((String) ignored(id).get(0).data().get("reason"))
        .contains("someone other than its requester");

    // The same rule through the update the REST facade sends.
    assertThatThrownBy(
            () ->
                mission.decideCheckpoint(
                    new CheckpointDecisionRequest(
                        "plan",
                        Verdict.APPROVED,
                        "bob",
                        null,
                        issue(id, "plan", "approved", "alice"))))
        .isInstanceOf(WorkflowUpdateException.class)
        .hasStackTraceContaining("someone other than its requester");

    Mission approved =
        mission.decideCheckpoint(
            new CheckpointDecisionRequest(
                "plan", Verdict.APPROVED, "bob", null, issue(id, "plan", "approved", "bob")));
    assertThat(approved.checkpoint(CheckpointName.PLAN).orElseThrow().decision().by())
        .isEqualTo("bob");
  }

  @Test
  void theLowRiskPolicyStillApprovesWithoutAToken(
      TestWorkflowEnvironment env, Worker worker, WorkflowClient client) {
    MissionWorkflow mission = start(worker, client, Risk.LOW, "alice", true);

    Mission approved =
        MissionWorkflowTest.await(mission, m -> m.status() == MissionStatus.EXECUTING);

    assertThat(approved.checkpoint(CheckpointName.PLAN).orElseThrow().decision().by())
        .isEqualTo("policy");
  }

  private static String issue(String missionId, String checkpoint, String verdict, String actor)
      throws SQLException {
    return TOKENS.issue(missionId, checkpoint, verdict, actor, Duration.ofMinutes(5)).token();
  }

  private static List<EvidenceEvent> ignored(String missionId) {
    try {
      return STORE.events(missionId).stream()
          .filter(e -> e.type().equals(EventTypes.SIGNAL_IGNORED))
          .toList();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitIgnored(String missionId, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (ignored(missionId).size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(ignored(missionId)).hasSize(count);
  }

  private static MissionWorkflow start(
      Worker worker, WorkflowClient client, Risk risk, String requester) {
    return start(worker, client, risk, requester, false);
  }

  private static MissionWorkflow start(
      Worker worker, WorkflowClient client, Risk risk, String requester, boolean autoApprove) {
    String id = "M-D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
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
            id,
            "Rename UserId",
            risk,
            requester,
            "2026-11-28T10:00:00Z",
            3600,
            autoApprove,
            false,
            null,
            true));
    return workflow;
  }
}
