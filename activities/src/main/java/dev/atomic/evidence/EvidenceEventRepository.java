package dev.atomic.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.atomic.platform.Database;
import dev.atomic.platform.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code evidence_events} table: insert and read, never update or delete (the database refuses
 * both). Each insert extends its stream's hash chain; see {@link ChainedEvent}.
 */
public final class EvidenceEventRepository {

  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, stream, seq, mission_id, type, actor, occurred_at, data, prev_hash, hash";

  private final EvidenceRedactor redactor;

  public EvidenceEventRepository(EvidenceRedactor redactor) {
    this.redactor = redactor;
  }

  public EvidenceRedactor redactor() {
    return redactor;
  }

  /**
   * Appends an event to its stream's chain: its data passes the redactor, its {@code prevHash} is
   * the stored hash of the event at seq − 1 (64 zeros for seq 1). Writing an event whose id is
   * already stored with the same content is a no-op, which makes retried activities safe.
   *
   * <p>Two writers cannot both take one position: {@code (stream, seq)} and the id are unique, so
   * the second insert fails, and a stored event's {@code prevHash} is always the hash of the stored
   * event before it.
   *
   * @return true when the event was written now, false when it was already there
   * @throws SQLException with SQLState 23505 when another event holds this id or position
   * @throws IllegalArgumentException when the id is not {@code EVT-<stream>-<seq>}, or the data
   *     cannot be hashed (see {@link CanonicalJson})
   * @throws IllegalStateException when the stream has no event at seq − 1
   */
  public boolean append(Connection connection, EvidenceEvent event) throws SQLException {
    if (event.seq() < 1 || !EvidenceEvent.idFor(event.stream(), event.seq()).equals(event.id())) {
      throw new IllegalArgumentException(
          "event id "
              + event.id()
              + " is not EVT-<stream>-<seq> for stream "
              + event.stream()
              + " and seq "
              + event.seq());
    }
    EvidenceEvent redacted = event.withData(redactor.redact(event.data()));
    Optional<ChainedEvent> existing = find(connection, event.id());
    if (existing.isPresent()) {
      return sameAsStored(existing.get(), redacted);
    }
    ChainedEvent linked = ChainedEvent.link(redacted, previousHash(connection, event));
    Savepoint beforeInsert = connection.getAutoCommit() ? null : connection.setSavepoint();
    try {
      insert(connection, linked);
      return true;
    } catch (SQLException e) {
      if (!Database.isUniqueViolation(e)) {
        throw e;
      }
      // A concurrent writer took the id or the position. If it was a retry of this very event
      // that is still one event. PostgreSQL aborts the transaction on a failed statement,
      // hence the savepoint.
      if (beforeInsert != null) {
        connection.rollback(beforeInsert);
      }
      Optional<ChainedEvent> winner = find(connection, event.id());
      if (winner.isPresent()) {
        return sameAsStored(winner.get(), redacted);
      }
      throw new SQLException(
          "stream " + event.stream() + " already has an event at seq " + event.seq(),
          e.getSQLState(),
          e);
    }
  }

  /**
   * Appends a new event at the end of {@code stream}: one read for the last position and its hash,
   * one insert. When another writer takes the position first, the insert fails with SQLState 23505
   * and nothing is written; the caller tries again (see {@link EvidenceStore#record}).
   *
   * @return the event as stored
   */
  public ChainedEvent appendAtEnd(
      Connection connection,
      String stream,
      String missionId,
      String type,
      String actor,
      String timestamp,
      Map<String, Object> data)
      throws SQLException {
    long seq = 1;
    String prevHash = ChainedEvent.GENESIS;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT seq, hash FROM evidence_events WHERE stream = ? ORDER BY seq DESC LIMIT 1")) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        if (rows.next()) {
          seq = rows.getLong(1) + 1;
          prevHash = rows.getString(2);
        }
      }
    }
    EvidenceEvent event =
        new EvidenceEvent(
            EvidenceEvent.idFor(stream, seq), stream, seq, missionId, type, actor, timestamp, data);
    ChainedEvent linked = ChainedEvent.link(event.withData(redactor.redact(data)), prevHash);
    insert(connection, linked);
    return linked;
  }

  /** The stored event with this id. */
  public Optional<ChainedEvent> find(Connection connection, String id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM evidence_events WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  /** The next free sequence number of a stream. */
  public long nextSeq(Connection connection, String stream) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT MAX(seq) FROM evidence_events WHERE stream = ?")) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1) + 1;
      }
    }
  }

  /** Every event of a stream, in sequence order, without the chain fields. */
  public List<EvidenceEvent> stream(Connection connection, String stream) throws SQLException {
    List<EvidenceEvent> events = new ArrayList<>();
    for (ChainedEvent event : chain(connection, stream)) {
      events.add(event.event());
    }
    return events;
  }

  /** Every event of a stream with its chain link, in sequence order. */
  public List<ChainedEvent> chain(Connection connection, String stream) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM evidence_events WHERE stream = ? ORDER BY seq";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        List<ChainedEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(read(rows));
        }
        return events;
      }
    }
  }

  private boolean sameAsStored(ChainedEvent stored, EvidenceEvent event) throws SQLException {
    ChainedEvent again = ChainedEvent.link(event, stored.prevHash());
    if (again.hash().equals(stored.hash())) {
      return false;
    }
    throw new SQLException(
        "event " + event.id() + " is already stored with different content", "23505");
  }

  private String previousHash(Connection connection, EvidenceEvent event) throws SQLException {
    if (event.seq() == 1) {
      return ChainedEvent.GENESIS;
    }
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT hash FROM evidence_events WHERE stream = ? AND seq = ?")) {
      query.setString(1, event.stream());
      query.setLong(2, event.seq() - 1);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException(
              "stream "
                  + event.stream()
                  + " has no event at seq "
                  + (event.seq() - 1)
                  + ", so "
                  + event.id()
                  + " cannot be chained");
        }
        return rows.getString(1);
      }
    }
  }

  private static void insert(Connection connection, ChainedEvent event) throws SQLException {
    String sql =
        "INSERT INTO evidence_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, event.id());
      insert.setString(2, event.stream());
      insert.setLong(3, event.seq());
      insert.setString(4, event.missionId());
      insert.setString(5, event.type());
      insert.setString(6, event.actor());
      insert.setObject(
          7, OffsetDateTime.ofInstant(Instant.parse(event.timestamp()), ZoneOffset.UTC));
      insert.setString(8, Json.write(event.data()));
      insert.setString(9, event.prevHash());
      insert.setString(10, event.hash());
      insert.executeUpdate();
    }
  }

  private static ChainedEvent read(ResultSet rows) throws SQLException {
    return new ChainedEvent(
        rows.getString("id"),
        rows.getString("stream"),
        rows.getLong("seq"),
        rows.getString("mission_id"),
        rows.getString("type"),
        rows.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(),
        rows.getString("actor"),
        Json.read(rows.getString("data"), DATA),
        rows.getString("prev_hash"),
        rows.getString("hash"));
  }
}
