package dev.atomic.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the evidence store promises, run against each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EvidenceStoreContract {

  private final TestDatabase testDatabase;
  final Database database;
  private final EvidenceEventRepository events =
      new EvidenceEventRepository(EvidenceRedactor.none());

  EvidenceStoreContract() {
    this.testDatabase = database(null);
    this.database = new Database(testDatabase.dataSource());
  }

  /** A fresh database migrated up to {@code version} ({@code null}: the latest). */
  abstract TestDatabase database(String version);

  @AfterAll
  void dropDatabase() throws Exception {
    testDatabase.close();
  }

  @Test
  void chainsEachAppendedEventToTheOneBefore() throws Exception {
    database.inTransaction(
        c -> {
          for (long seq = 1; seq <= 3; seq++) {
            events.append(c, event("M-CHAIN1", seq, Map.of("n", seq)));
          }
          return null;
        });

    List<ChainedEvent> chain = database.read(c -> events.chain(c, "M-CHAIN1"));

    assertThat(chain).extracting(ChainedEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(chain.get(0).prevHash()).isEqualTo(ChainedEvent.GENESIS);
    assertThat(chain.get(1).prevHash()).isEqualTo(chain.get(0).hash());
    assertThat(chain.get(2).prevHash()).isEqualTo(chain.get(1).hash());
    assertThat(chain).allSatisfy(e -> assertThat(e.hash()).isEqualTo(e.computeHash()));
    assertThat(ChainVerifier.verify(chain).ok()).isTrue();
  }

  @Test
  void aRetriedEventIsStoredOnceWithTheSameHash() throws Exception {
    EvidenceEvent created = event("M-RETRY2", 1, Map.of("title", "Rename UserId"));

    boolean first = database.inTransaction(c -> events.append(c, created));
    String hash = database.read(c -> events.find(c, created.id())).orElseThrow().hash();
    boolean second = database.inTransaction(c -> events.append(c, created));

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    List<ChainedEvent> chain = database.read(c -> events.chain(c, "M-RETRY2"));
    assertThat(chain).hasSize(1);
    assertThat(chain.get(0).hash()).isEqualTo(hash);
  }

  @Test
  void refusesAnotherEventUnderAStoredId() throws Exception {
    database.inTransaction(c -> events.append(c, event("M-CLASH1", 1, Map.of("v", 1))));

    assertThatThrownBy(
            () ->
                database.inTransaction(c -> events.append(c, event("M-CLASH1", 1, Map.of("v", 2)))))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("EVT-M-CLASH1-1 is already stored with different content")
        .matches(e -> Database.isUniqueViolation((SQLException) e));
    List<ChainedEvent> stored = database.read(c -> events.chain(c, "M-CLASH1"));
    assertThat(stored).singleElement().satisfies(e -> assertThat(e.data()).containsEntry("v", 1));
  }

  @Test
  void refusesAnEventWhosePredecessorIsMissing() {
    assertThatThrownBy(
            () -> database.inTransaction(c -> events.append(c, event("M-GAP1", 2, Map.of()))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream M-GAP1 has no event at seq 1");
  }

  @Test
  void theDatabaseRefusesToUpdateAnEvent() throws Exception {
    database.inTransaction(c -> events.append(c, event("M-UPD1", 1, Map.of("v", 1))));

    assertThatThrownBy(
            () ->
                execute("UPDATE evidence_events SET data = '{\"v\":2}' WHERE id = 'EVT-M-UPD1-1'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("evidence_events is append-only: UPDATE refused");
    List<ChainedEvent> stored = database.read(c -> events.chain(c, "M-UPD1"));
    assertThat(stored.get(0).data()).containsEntry("v", 1);
  }

  @Test
  void theDatabaseRefusesToDeleteAnEvent() throws Exception {
    database.inTransaction(c -> events.append(c, event("M-DEL1", 1, Map.of())));

    assertThatThrownBy(() -> execute("DELETE FROM evidence_events WHERE stream = 'M-DEL1'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("evidence_events is append-only: DELETE refused");
    List<ChainedEvent> stored = database.read(c -> events.chain(c, "M-DEL1"));
    assertThat(stored).hasSize(1);
  }

  @Test
  void storesAndHashesTheRedactedData() throws Exception {
    EvidenceEventRepository redacting =
        new EvidenceEventRepository(dev.atomic.gateway.SecretRedactor.builtIn());
    EvidenceEvent withSecret =
        event("M-REDACT1", 1, Map.of("token", "ghp_secret", "file", "A.java"));

    database.inTransaction(c -> redacting.append(c, withSecret));
    boolean retried = database.inTransaction(c -> redacting.append(c, withSecret));

    ChainedEvent stored = database.read(c -> events.find(c, withSecret.id())).orElseThrow();
    assertThat(stored.data())
        .containsEntry("token", "***REDACTED_SECRET***")
        .containsEntry("file", "A.java");
    assertThat(stored.hash()).isEqualTo(stored.computeHash());
    assertThat(retried).isFalse();
  }

  @Test
  void concurrentWritersToOneStreamNeverForkTheChain() throws Exception {
    EvidenceStore store = new EvidenceStore(database, EvidenceRedactor.none());
    int writers = 8;
    int eventsEach = 25;
    List<Callable<Void>> work = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int w = 0; w < writers; w++) {
      int writer = w;
      work.add(
          () -> {
            start.await();
            for (int i = 0; i < eventsEach; i++) {
              store.record(
                  "budget:race",
                  null,
                  EventTypes.BUDGET_BREACHED,
                  "writer-" + writer,
                  Instant.parse("2026-11-28T10:00:00Z"),
                  Map.of("writer", writer, "i", i));
            }
            return null;
          });
    }

    runTogether(work, start);

    List<ChainedEvent> chain = store.chain("budget:race");
    assertThat(chain).hasSize(writers * eventsEach);
    assertThat(chain).extracting(ChainedEvent::seq).doesNotHaveDuplicates();
    assertThat(chain.get(chain.size() - 1).seq()).isEqualTo(writers * eventsEach);
    assertThat(store.verify("budget:race"))
        .isEqualTo(new ChainVerifier.Result(writers * eventsEach, null));
  }

  @Test
  void onlyOneOfWritersRacingForOnePositionWins() throws Exception {
    database.inTransaction(c -> events.append(c, event("M-RACE1", 1, Map.of())));
    int writers = 8;
    List<Callable<Boolean>> work = new ArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    for (int w = 0; w < writers; w++) {
      EvidenceEvent candidate = event("M-RACE1", 2, Map.of("writer", w));
      work.add(
          () -> {
            start.await();
            try {
              return database.inTransaction(c -> events.append(c, candidate));
            } catch (SQLException e) {
              if (Database.isUniqueViolation(e) || "HYT00".equals(e.getSQLState())) {
                return false;
              }
              throw e;
            }
          });
    }

    List<Boolean> written = runTogether(work, start);

    assertThat(written).containsOnlyOnce(true);
    List<ChainedEvent> chain = database.read(c -> events.chain(c, "M-RACE1"));
    assertThat(chain).hasSize(2);
    assertThat(ChainVerifier.verify(chain).ok()).isTrue();
  }

  @Test
  void chainsEventsStoredBeforeTheChainExisted() throws Exception {
    try (TestDatabase old = database("1")) {
      try (Connection c = old.dataSource().getConnection();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO evidence_events (id, stream, seq, mission_id, type, actor,"
                      + " occurred_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int seq = 1; seq <= 3; seq++) {
          insert.setString(1, "EVT-M-OLD1-" + seq);
          insert.setString(2, "M-OLD1");
          insert.setLong(3, seq);
          insert.setString(4, "M-OLD1");
          insert.setString(5, EventTypes.CHECKPOINT_OPENED);
          insert.setString(6, "platform");
          insert.setObject(7, OffsetDateTime.of(2026, 11, 28, 10, 0, seq, 0, ZoneOffset.UTC));
          insert.setString(8, "{\"checkpoint\":\"plan\",\"n\":" + seq + "}");
          insert.executeUpdate();
        }
      }

      old.migrate();

      Database migrated = new Database(old.dataSource());
      List<ChainedEvent> chain = migrated.read(c -> events.chain(c, "M-OLD1"));
      assertThat(chain).hasSize(3);
      assertThat(ChainVerifier.verify(chain).ok()).isTrue();
      migrated.inTransaction(c -> events.append(c, event("M-OLD1", 4, Map.of())));
      List<ChainedEvent> extended = migrated.read(c -> events.chain(c, "M-OLD1"));
      assertThat(ChainVerifier.verify(extended).ok()).isTrue();
    }
  }

  void execute(String sql) throws SQLException {
    database.inTransaction(
        c -> {
          try (Statement statement = c.createStatement()) {
            return statement.executeUpdate(sql);
          }
        });
  }

  static EvidenceEvent event(String stream, long seq, Map<String, Object> data) {
    return new EvidenceEvent(
        EvidenceEvent.idFor(stream, seq),
        stream,
        seq,
        stream,
        EventTypes.CHECKPOINT_OPENED,
        "alice",
        "2026-11-28T10:00:0" + (seq % 10) + "Z",
        data);
  }

  private static <T> List<T> runTogether(List<Callable<T>> work, CountDownLatch start)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(work.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : work) {
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
