package dev.atomic.evidence;

import dev.atomic.platform.Database;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Evidence streams for callers outside a workflow (REST, budgets): records an event at the next
 * free position of its stream, reads and verifies chains.
 */
public final class EvidenceStore {

  /** Attempts before a stream under constant contention gives up. */
  private static final int MAX_ATTEMPTS = 50;

  private final Database database;
  private final EvidenceEventRepository events;

  /** Event data passes {@code redactor} before it is stored and hashed. */
  public EvidenceStore(Database database, EvidenceRedactor redactor) {
    this.database = database;
    this.events = new EvidenceEventRepository(redactor);
  }

  /** The redactor every event of this store passes; audit packs use it for what they carry. */
  public EvidenceRedactor redactor() {
    return events.redactor();
  }

  /**
   * Appends a new event at the end of {@code stream} and returns it as stored. When another writer
   * takes that position first, tries again at the next one, so concurrent writers each get their
   * own position and the chain never forks.
   *
   * @param missionId the mission the event belongs to; {@code null} for e.g. budget events
   */
  public ChainedEvent record(
      String stream,
      String missionId,
      String type,
      String actor,
      Instant timestamp,
      Map<String, Object> data)
      throws SQLException {
    SQLException lastConflict = null;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        return database.inTransaction(
            connection ->
                events.appendAtEnd(
                    connection, stream, missionId, type, actor, timestamp.toString(), data));
      } catch (SQLException e) {
        if (!isContention(e)) {
          throw e;
        }
        lastConflict = e;
      }
    }
    throw new SQLException(
        "stream " + stream + " stayed contended for " + MAX_ATTEMPTS + " attempts",
        "40001",
        lastConflict);
  }

  /**
   * A lost race for a position: a unique violation, or (H2) a lock wait that timed out behind the
   * winner, or (PostgreSQL) a serialization failure or deadlock.
   */
  private static boolean isContention(SQLException e) {
    String state = e.getSQLState();
    return Database.isUniqueViolation(e)
        || "HYT00".equals(state)
        || "40001".equals(state)
        || "40P01".equals(state);
  }

  /** Every event of {@code stream} with its chain link, in sequence order. */
  public List<ChainedEvent> chain(String stream) throws SQLException {
    return database.read(connection -> events.chain(connection, stream));
  }

  /** Verifies the stored chain of {@code stream}. */
  public ChainVerifier.Result verify(String stream) throws SQLException {
    return ChainVerifier.verify(chain(stream));
  }
}
