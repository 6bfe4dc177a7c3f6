package dev.atomic.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.platform.Database;
import dev.atomic.platform.Json;
import dev.atomic.testing.CountingDataSource;
import dev.atomic.testing.TestDatabase;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A mission's timeline restored into another store: all or nothing, and only an intact chain. */
class EvidenceImportTest {

  private static final String MISSION = "M-RESTORE1";

  private final TestDatabase source = TestDatabase.h2();
  private final TestDatabase target = TestDatabase.h2();
  private final CountingDataSource counting =
      new CountingDataSource(target.dataSource(), "INSERT INTO evidence_events");
  private final Database targetDatabase = new Database(counting.dataSource());
  private final EvidenceImport restore = new EvidenceImport(targetDatabase, 4);

  @AfterEach
  void close() throws Exception {
    source.close();
    target.close();
  }

  @Test
  void restoresEveryEventWithItsIdTimestampAndHashInBatches() throws Exception {
    ObjectNode timeline = timeline(10);

    EvidenceImport.Result result = restore.restore(EvidenceBackup.read(timeline));

    assertThat(result.imported()).isEqualTo(10);
    assertThat(result.head().id()).isEqualTo("EVT-" + MISSION + "-10");
    List<ChainedEvent> restored = targetStore().chain(MISSION);
    ArrayNode restoredJson = Json.mapper().createArrayNode();
    restored.forEach(e -> restoredJson.add(json(e)));
    assertThat((JsonNode) restoredJson).isEqualTo(timeline.get("events"));
    assertThat(targetStore().verify(MISSION).ok()).isTrue();
    assertThat(counting.batches()).isEqualTo(3);
    assertThat(counting.batchedRows()).isEqualTo(10);
    assertThat(counting.singles()).isZero();
  }

  @Test
  void restoringTheSameBackupAgainWritesNothing() throws Exception {
    ObjectNode timeline = timeline(3);
    restore.restore(EvidenceBackup.read(timeline));
    counting.reset();

    EvidenceImport.Result again = restore.restore(EvidenceBackup.read(timeline));

    assertThat(again.alreadyStored()).isTrue();
    assertThat(again.events()).isEqualTo(3);
    assertThat(counting.batches()).isZero();
  }

  @Test
  void aStreamHoldingOtherEventsIsAConflictAndKeepsThem() throws Exception {
    restore.restore(EvidenceBackup.read(timeline(3)));
    ObjectNode longer = timeline(3);
    ((ObjectNode) longer.get("events").get(2)).put("type", "Tampered");

    assertThatThrownBy(() -> restore.restore(EvidenceBackup.read(first(longer, 2))))
        .isInstanceOf(EvidenceImport.Refused.class)
        .hasMessageContaining("already holds 3 event(s) of " + MISSION)
        .extracting(e -> ((EvidenceImport.Refused) e).problem())
        .isEqualTo(EvidenceImport.Problem.CONFLICT);
    assertThat(targetStore().chain(MISSION)).hasSize(3);
  }

  @Test
  void aChangedDataValueIsRefusedNamingTheEventAndNothingIsWritten() throws Exception {
    ObjectNode timeline = timeline(5);
    ((ObjectNode) timeline.at("/events/2/data")).put("run", 18);

    assertRefused(timeline, "event EVT-" + MISSION + "-3: hash mismatch (data changed?)");
  }

  @Test
  void aRemovedEventIsRefusedNamingTheGap() throws Exception {
    ObjectNode timeline = timeline(5);
    ((ArrayNode) timeline.get("events")).remove(1);
    timeline.put("count", 4);

    assertRefused(
        timeline, "event seq 2 missing in stream " + MISSION + " (next is EVT-" + MISSION + "-3)");
  }

  @Test
  void reorderedEventsAreRefusedNamingTheFirstOutOfPlace() throws Exception {
    ObjectNode timeline = timeline(5);
    ArrayNode events = (ArrayNode) timeline.get("events");
    JsonNode second = events.remove(1);
    events.insert(2, second);

    assertRefused(
        timeline, "events out of order at EVT-" + MISSION + "-3: seq 3 comes before seq 2");
  }

  @Test
  void aCountThatDiffersFromTheEventsShowsEventsCutOffAtTheEnd() throws Exception {
    ObjectNode timeline = timeline(5);
    ((ArrayNode) timeline.get("events")).remove(4);

    assertRefused(timeline, "the backup declares count 5 but holds 4 events");
  }

  @Test
  void anEventOfAnotherMissionIsRefused() throws Exception {
    ObjectNode timeline = timeline(2);
    timeline.put("missionId", "M-OTHER");

    assertRefused(timeline, "event EVT-" + MISSION + "-1: stream " + MISSION + " is not");
  }

  @Test
  void aDocumentNotOfTheTimelinesFormIsRefusedNamingTheMember() throws Exception {
    ObjectNode timeline = timeline(2);
    ((ObjectNode) timeline.at("/events/1")).put("note", "extra");
    assertThatThrownBy(() -> EvidenceBackup.read(timeline))
        .isInstanceOf(EvidenceBackup.Malformed.class)
        .hasMessage(
            "events[1] (EVT-"
                + MISSION
                + "-2) has unknown member(s) [note]; allowed: [actor, data, hash, id, missionId,"
                + " prevHash, seq, stream, timestamp, type]");

    ObjectNode badSeq = timeline(2);
    ((ObjectNode) badSeq.at("/events/0")).put("seq", "1");
    assertThatThrownBy(() -> EvidenceBackup.read(badSeq))
        .hasMessageContaining("events[0] (EVT-" + MISSION + "-1): 'seq' is required and must be");

    ObjectNode millis = timeline(2);
    ((ObjectNode) millis.at("/events/0")).put("timestamp", "2026-11-28T10:00:00.000Z");
    assertThatThrownBy(() -> EvidenceBackup.read(millis))
        .hasMessageContaining("'timestamp' 2026-11-28T10:00:00.000Z is not in the form the chain")
        .hasMessageContaining("2026-11-28T10:00:00Z");

    assertThatThrownBy(() -> EvidenceBackup.read(Json.mapper().readTree("[1]")))
        .hasMessageStartingWith("a backup is a JSON object");
    assertThatThrownBy(() -> EvidenceBackup.read(Json.mapper().readTree("{\"missionId\":\"M-1\"}")))
        .hasMessage("'events' is required and must be an array");
  }

  private void assertRefused(ObjectNode timeline, String message) throws Exception {
    assertThatThrownBy(() -> restore.restore(EvidenceBackup.read(timeline)))
        .isInstanceOf(EvidenceImport.Refused.class)
        .hasMessageContaining(message)
        .extracting(e -> ((EvidenceImport.Refused) e).problem())
        .isEqualTo(EvidenceImport.Problem.BROKEN_CHAIN);
    assertThat(targetStore().chain(MISSION)).isEmpty();
    assertThat(counting.batches() + counting.singles()).isZero();
  }

  private EvidenceStore targetStore() {
    return new EvidenceStore(new Database(target.dataSource()), EvidenceRedactor.none());
  }

  /** The timeline of a mission with {@code n} events, as GET …/events answers it. */
  private ObjectNode timeline(int n) throws Exception {
    EvidenceStore store =
        new EvidenceStore(new Database(source.dataSource()), EvidenceRedactor.none());
    if (store.chain(MISSION).isEmpty()) {
      for (int i = 1; i <= 10; i++) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("run", i);
        data.put("ratio", i / 4.0);
        data.put("note", "é ✓ \"quoted\" " + i);
        data.put("nested", Map.of("list", List.of(1, "two", Map.of("three", true))));
        store.record(
            MISSION,
            MISSION,
            i == 1 ? "MissionCreated" : "CiPipelinePassed",
            i % 3 == 0 ? null : "ci",
            Instant.parse("2026-11-28T10:00:00.123456Z").plusSeconds(i),
            data);
      }
    }
    List<ChainedEvent> chain = store.chain(MISSION).subList(0, n);
    ObjectNode timeline = Json.mapper().createObjectNode();
    timeline.put("missionId", MISSION);
    timeline.put("count", chain.size());
    ArrayNode events = timeline.putArray("events");
    chain.forEach(e -> events.add(json(e)));
    return timeline;
  }

  private static ObjectNode first(ObjectNode timeline, int n) {
    ObjectNode copy = timeline.deepCopy();
    ArrayNode events = (ArrayNode) copy.get("events");
    while (events.size() > n) {
      events.remove(events.size() - 1);
    }
    copy.put("count", n);
    return copy;
  }

  private static ObjectNode json(ChainedEvent event) {
    ObjectNode node = event.hashedJson();
    node.put("hash", event.hash());
    return node;
  }
}
