package dev.atomic.mission;

import static dev.atomic.testing.Missions.event;
import static dev.atomic.testing.Missions.mission;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.ChainVerifier;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.identity.DecisionTokens;
import dev.atomic.platform.Database;
import dev.atomic.testing.CountingDataSource;
import dev.atomic.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code EVIDENCE_BATCH_SIZE}: a transition's events reach the database in batches of that many.
 */
class EvidenceBatchWritesTest {

  private final TestDatabase testDatabase = TestDatabase.h2();
  private final CountingDataSource counting =
      new CountingDataSource(testDatabase.dataSource(), "INSERT INTO evidence_events");
  private final Database database = new Database(counting.dataSource());

  @AfterEach
  void close() throws Exception {
    testDatabase.close();
  }

  @Test
  void sevenEventsInBatchesOfThreeAreThreeBatchesAndNoSingleInserts() throws Exception {
    record(activities(3), "M-BATCH3", 7);

    assertThat(counting.batches()).isEqualTo(3);
    assertThat(counting.batchedRows()).isEqualTo(7);
    assertThat(counting.singles()).isZero();
    assertIntact("M-BATCH3", 7);
  }

  @Test
  void theDefaultSizeWritesATransitionInOneBatch() throws Exception {
    record(activities(100), "M-BATCH100", 7);

    assertThat(counting.batches()).isEqualTo(1);
    assertThat(counting.batchedRows()).isEqualTo(7);
    assertIntact("M-BATCH100", 7);
  }

  @Test
  void aBatchSizeOfOneIsOneBatchPerEvent() throws Exception {
    record(activities(1), "M-BATCH1", 4);

    assertThat(counting.batches()).isEqualTo(4);
    assertIntact("M-BATCH1", 4);
  }

  @Test
  void aRetriedTransitionSendsNoInsertAtAll() throws Exception {
    MissionActivitiesImpl activities = activities(3);
    MissionTransition transition = transition("M-BATCHRETRY", 1, 5);
    activities.recordTransition(transition);
    counting.reset();

    activities.recordTransition(transition);

    assertThat(counting.batches()).isZero();
    assertThat(counting.singles()).isZero();
    assertIntact("M-BATCHRETRY", 5);
  }

  @Test
  void aTransitionAfterStoredEventsLinksToTheLastOfThem() throws Exception {
    MissionActivitiesImpl activities = activities(2);
    activities.recordTransition(transition("M-BATCHNEXT", 1, 3));
    List<EvidenceEvent> more = new ArrayList<>();
    for (long seq = 4; seq <= 6; seq++) {
      more.add(event("M-BATCHNEXT", seq, EventTypes.BATCH_REGISTERED));
    }
    counting.reset();

    activities.recordTransition(
        new MissionTransition(
            mission("M-BATCHNEXT", MissionStatus.EXECUTING, "2026-11-28T10:00:00Z"), 2, more));

    assertThat(counting.batches()).isEqualTo(2);
    assertIntact("M-BATCHNEXT", 6);
  }

  private MissionActivitiesImpl activities(int batchSize) {
    return new MissionActivitiesImpl(
        database,
        EvidenceRedactor.none(),
        new DecisionTokens(database, Clock.systemUTC()),
        batchSize,
        dev.atomic.platform.AtomicMetrics.none());
  }

  private static void record(MissionActivitiesImpl activities, String missionId, int events) {
    activities.recordTransition(transition(missionId, 1, events));
  }

  private static MissionTransition transition(String missionId, long version, int events) {
    List<EvidenceEvent> list = new ArrayList<>();
    list.add(event(missionId, 1, EventTypes.MISSION_CREATED));
    for (long seq = 2; seq <= events; seq++) {
      list.add(event(missionId, seq, EventTypes.CHECKPOINT_OPENED));
    }
    return new MissionTransition(
        mission(missionId, MissionStatus.AWAITING_APPROVAL, "2026-11-28T10:00:00Z"), version, list);
  }

  private void assertIntact(String missionId, int events) throws Exception {
    List<ChainedEvent> chain =
        new EvidenceStore(database, EvidenceRedactor.none()).chain(missionId);
    assertThat(chain).hasSize(events);
    assertThat(chain).extracting(ChainedEvent::seq).isSorted();
    ChainVerifier.Result result = ChainVerifier.verify(chain);
    assertThat(result.ok()).as(result.failure()).isTrue();
  }
}
