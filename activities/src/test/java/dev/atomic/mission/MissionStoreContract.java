package dev.atomic.mission;

import static dev.atomic.testing.Missions.event;
import static dev.atomic.testing.Missions.mission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the mission and evidence stores promise, run against each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MissionStoreContract {

  private final TestDatabase testDatabase;
  private final Database database;
  private final MissionStore store;
  private final MissionActivitiesImpl activities;

  MissionStoreContract(TestDatabase testDatabase) {
    this.testDatabase = testDatabase;
    this.database = new Database(testDatabase.dataSource());
    this.store =
        new MissionStore(
            database, Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
    this.activities = new MissionActivitiesImpl(database);
  }

  @AfterAll
  void dropDatabase() throws Exception {
    testDatabase.close();
  }

  @Test
  void storesTheMissionDocumentAsClientsSeeIt() throws Exception {
    Mission mission = mission("M-STORE1", MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z");

    activities.recordTransition(new MissionTransition(mission, 1, List.of()));

    assertThat(store.find("M-STORE1")).contains(mission);
    assertThat(store.find("M-OTHER")).isEmpty();
  }

  @Test
  void aRetriedTransitionWritesEachEventOnce() throws Exception {
    Mission mission = mission("M-RETRY1", MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z");
    MissionTransition transition =
        new MissionTransition(
            mission,
            1,
            List.of(
                event("M-RETRY1", 1, EventTypes.MISSION_CREATED),
                event("M-RETRY1", 2, EventTypes.CHECKPOINT_OPENED)));

    activities.recordTransition(transition);
    activities.recordTransition(transition);

    assertThat(store.events("M-RETRY1"))
        .extracting(EvidenceEvent::id)
        .containsExactly("EVT-M-RETRY1-1", "EVT-M-RETRY1-2");
    assertThat(store.events("M-RETRY1").get(0).data()).containsEntry("checkpoint", "plan");
  }

  @Test
  void anOlderSnapshotNeverReplacesANewerOne() throws Exception {
    Mission planning = mission("M-ORDER1", MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z");
    Mission executing = mission("M-ORDER1", MissionStatus.EXECUTING, "2026-11-28T10:00:00Z");

    activities.recordTransition(new MissionTransition(executing, 2, List.of()));
    activities.recordTransition(new MissionTransition(planning, 1, List.of()));

    assertThat(store.find("M-ORDER1"))
        .get()
        .extracting(Mission::status)
        .isEqualTo(MissionStatus.EXECUTING);
  }

  @Test
  void listsMissionsOfTheAskedStatusesNewestFirst() throws Exception {
    activities.recordTransition(
        new MissionTransition(
            mission("M-LIST1", MissionStatus.EXECUTING, "2026-11-28T09:00:00Z"), 1, List.of()));
    activities.recordTransition(
        new MissionTransition(
            mission("M-LIST2", MissionStatus.COMPLETED, "2026-11-28T09:30:00Z"), 1, List.of()));
    activities.recordTransition(
        new MissionTransition(
            mission("M-LIST3", MissionStatus.FINALIZING, "2026-11-28T09:45:00Z"), 1, List.of()));

    List<Mission> active =
        store.list(EnumSet.of(MissionStatus.EXECUTING, MissionStatus.FINALIZING), 100);

    assertThat(active).extracting(Mission::missionId).containsExactly("M-LIST3", "M-LIST1");
    assertThat(store.list(EnumSet.of(MissionStatus.COMPLETED), 100))
        .extracting(Mission::missionId)
        .contains("M-LIST2")
        .doesNotContain("M-LIST1", "M-LIST3");
  }

  @Test
  void markingAMissionFailedKeepsTheReasonAndAppendsAnEvent() throws Exception {
    Mission mission = mission("M-FAIL1", MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z");
    activities.recordTransition(
        new MissionTransition(
            mission, 3, List.of(event("M-FAIL1", 1, EventTypes.MISSION_CREATED))));

    store.markFailed("M-FAIL1", "workflow lost");

    Mission failed = store.find("M-FAIL1").orElseThrow();
    assertThat(failed.status()).isEqualTo(MissionStatus.FAILED);
    assertThat(failed.reason()).isEqualTo("workflow lost");
    assertThat(failed.checkpoint(CheckpointName.PLAN).orElseThrow().status())
        .isEqualTo(CheckpointStatus.FAILED);
    assertThat(store.events("M-FAIL1"))
        .extracting(EvidenceEvent::id, EvidenceEvent::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("EVT-M-FAIL1-1", EventTypes.MISSION_CREATED),
            org.assertj.core.groups.Tuple.tuple("EVT-M-FAIL1-2", EventTypes.MISSION_FAILED));
    // A late write from the old workflow cannot resurrect it.
    activities.recordTransition(new MissionTransition(mission, 3, List.of()));
    assertThat(store.find("M-FAIL1").orElseThrow().status()).isEqualTo(MissionStatus.FAILED);
  }

  @Test
  void transitionsAndOutOfBandFailuresExtendOneIntactHashChain() throws Exception {
    Mission mission = mission("M-CHAIN2", MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z");
    activities.recordTransition(
        new MissionTransition(
            mission,
            1,
            List.of(
                event("M-CHAIN2", 1, EventTypes.MISSION_CREATED),
                event("M-CHAIN2", 2, EventTypes.CHECKPOINT_OPENED))));

    store.markFailed("M-CHAIN2", "workflow lost");

    EvidenceStore evidence = new EvidenceStore(database, EvidenceRedactor.none());
    assertThat(evidence.chain("M-CHAIN2")).hasSize(3);
    assertThat(evidence.verify("M-CHAIN2").ok()).isTrue();
  }

  @Test
  void aPositionTakenByAnOutOfBandEventIsReportedAndNothingIsWritten() throws Exception {
    Mission mission = mission("M-TAKEN1", MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z");
    activities.recordTransition(
        new MissionTransition(
            mission, 1, List.of(event("M-TAKEN1", 1, EventTypes.MISSION_CREATED))));
    EvidenceStore evidence = new EvidenceStore(database, EvidenceRedactor.none());
    evidence.record(
        "M-TAKEN1",
        "M-TAKEN1",
        "CiPipelinePassed",
        "ci",
        Instant.parse("2026-11-28T10:00:05Z"),
        java.util.Map.of("pipeline", 42));

    TransitionOutcome outcome =
        activities.recordTransition(
            new MissionTransition(
                mission,
                2,
                List.of(
                    event("M-TAKEN1", 2, EventTypes.CHECKPOINT_OPENED),
                    event("M-TAKEN1", 3, EventTypes.CHECKPOINT_APPROVED))));

    assertThat(outcome).isEqualTo(TransitionOutcome.positionTaken(3));
    assertThat(evidence.chain("M-TAKEN1")).hasSize(2);
    TransitionOutcome renumbered =
        activities.recordTransition(
            new MissionTransition(
                mission,
                2,
                List.of(
                    event("M-TAKEN1", 3, EventTypes.CHECKPOINT_OPENED),
                    event("M-TAKEN1", 4, EventTypes.CHECKPOINT_APPROVED))));
    assertThat(renumbered.recorded()).isTrue();
    assertThat(evidence.chain("M-TAKEN1"))
        .extracting(dev.atomic.evidence.ChainedEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED,
            "CiPipelinePassed",
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED);
    assertThat(evidence.verify("M-TAKEN1").ok()).isTrue();
  }

  @Test
  void aFinishedMissionIsNotMarkedFailed() throws Exception {
    activities.recordTransition(
        new MissionTransition(
            mission("M-DONE1", MissionStatus.COMPLETED, "2026-11-28T10:00:00Z"), 9, List.of()));

    assertThat(store.markFailed("M-DONE1", "late")).isEmpty();
    assertThat(store.find("M-DONE1").orElseThrow().status()).isEqualTo(MissionStatus.COMPLETED);
  }

  @Test
  void eventIdsAreUniqueAcrossTheTable() throws Exception {
    EvidenceEventRepository events = new EvidenceEventRepository(EvidenceRedactor.none());
    boolean first =
        database.inTransaction(
            c -> events.append(c, event("M-UNIQ1", 1, EventTypes.MISSION_CREATED)));
    boolean second =
        database.inTransaction(
            c -> events.append(c, event("M-UNIQ1", 1, EventTypes.MISSION_CREATED)));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    long next = database.read(c -> events.nextSeq(c, "M-UNIQ1"));
    assertThat(next).isEqualTo(2);
  }
}
