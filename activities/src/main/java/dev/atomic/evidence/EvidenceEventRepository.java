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
import java.util.HashMap;
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
  private final int batchSize;

  /** Batches of {@link EvidenceTuning#DEFAULT_BATCH_SIZE} rows. */
  public EvidenceEventRepository(EvidenceRedactor redactor) {
    this(redactor, EvidenceTuning.DEFAULT_BATCH_SIZE);
  }

  /**
   * @param batchSize the most rows one JDBC batch of {@link #appendAll} or {@link #insertAll}
   *     inserts ({@code EVIDENCE_BATCH_SIZE})
   */
  public EvidenceEventRepository(EvidenceRedactor redactor, int batchSize) {
    this.redactor = redactor;
    this.batchSize =
        new EvidenceTuning(batchSize, EvidenceTuning.DEFAULT_COMPRESSION_LEVEL).batchSize();
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
    checkId(event);
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
   * Appends {@code events} in order, as {@link #append} one by one would, with fewer statements:
   * one read of the stored neighbourhood per stream, then the new rows in JDBC batches of at most
   * the batch size. Events already stored with the same content are skipped.
   *
   * <p>When a batch meets a unique violation (another writer took an id or a position meanwhile),
   * the batch is undone to a savepoint and its events are appended one by one, which tells a retry
   * of the same event from a lost position exactly as {@link #append} does.
   *
   * @return the events written now, in order (not those stored before)
   * @throws SQLException with SQLState 23505 when another event holds one of these ids or positions
   * @throws IllegalArgumentException as {@link #append}
   * @throws IllegalStateException as {@link #append}
   */
  public List<EvidenceEvent> appendAll(Connection connection, List<EvidenceEvent> events)
      throws SQLException {
    Map<String, Map<Long, ChainedEvent>> known = new HashMap<>();
    for (EvidenceEvent event : events) {
      checkId(event);
      if (!known.containsKey(event.stream())) {
        known.put(event.stream(), neighbourhood(connection, event.stream(), events));
      }
    }
    List<ChainedEvent> toInsert = new ArrayList<>();
    List<EvidenceEvent> sources = new ArrayList<>();
    for (EvidenceEvent event : events) {
      EvidenceEvent redacted = event.withData(redactor.redact(event.data()));
      Map<Long, ChainedEvent> stream = known.get(event.stream());
      // Stored before, or earlier in this list: the same content is a no-op, as with append.
      ChainedEvent stored = stream.get(event.seq());
      if (stored != null) {
        sameAsStored(stored, redacted);
        continue;
      }
      String prevHash;
      if (event.seq() == 1) {
        prevHash = ChainedEvent.GENESIS;
      } else if (stream.containsKey(event.seq() - 1)) {
        prevHash = stream.get(event.seq() - 1).hash();
      } else {
        throw noPrevious(event);
      }
      ChainedEvent linked = ChainedEvent.link(redacted, prevHash);
      stream.put(event.seq(), linked);
      toInsert.add(linked);
      sources.add(event);
    }
    List<EvidenceEvent> written = new ArrayList<>();
    for (int from = 0; from < toInsert.size(); from += batchSize) {
      int to = Math.min(toInsert.size(), from + batchSize);
      Savepoint beforeBatch = connection.getAutoCommit() ? null : connection.setSavepoint();
      try {
        insertBatch(connection, toInsert.subList(from, to));
        written.addAll(sources.subList(from, to));
      } catch (SQLException e) {
        if (beforeBatch == null || !isUniqueViolation(e)) {
          throw e;
        }
        connection.rollback(beforeBatch);
        for (EvidenceEvent event : sources.subList(from, to)) {
          if (append(connection, event)) {
            written.add(event);
          }
        }
      }
    }
    return written;
  }

  /**
   * Inserts events that carry their chain link already (a restored backup), in JDBC batches of at
   * most the batch size, as they are: no redaction, no relinking. The caller has verified the chain
   * and that the positions are free; a taken id or position fails with SQLState 23505.
   */
  public void insertAll(Connection connection, List<ChainedEvent> events) throws SQLException {
    for (int from = 0; from < events.size(); from += batchSize) {
      insertBatch(connection, events.subList(from, Math.min(events.size(), from + batchSize)));
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

  private static void checkId(EvidenceEvent event) {
    if (event.seq() < 1 || !EvidenceEvent.idFor(event.stream(), event.seq()).equals(event.id())) {
      throw new IllegalArgumentException(
          "event id "
              + event.id()
              + " is not EVT-<stream>-<seq> for stream "
              + event.stream()
              + " and seq "
              + event.seq());
    }
  }

  /**
   * The stored events of {@code stream} from just before the first of {@code events} in it to the
   * last, by seq: what {@link #appendAll} links to and compares with, in one read.
   */
  private static Map<Long, ChainedEvent> neighbourhood(
      Connection connection, String stream, List<EvidenceEvent> events) throws SQLException {
    long low = Long.MAX_VALUE;
    long high = Long.MIN_VALUE;
    for (EvidenceEvent event : events) {
      if (event.stream().equals(stream)) {
        low = Math.min(low, event.seq() - 1);
        high = Math.max(high, event.seq());
      }
    }
    String sql =
        "SELECT " + COLUMNS + " FROM evidence_events WHERE stream = ? AND seq BETWEEN ? AND ?";
    Map<Long, ChainedEvent> stored = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, stream);
      query.setLong(2, low);
      query.setLong(3, high);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          ChainedEvent event = read(rows);
          stored.put(event.seq(), event);
        }
      }
    }
    return stored;
  }

  /** A unique violation, also when a driver reports it inside a batch failure. */
  private static boolean isUniqueViolation(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        if (Database.isUniqueViolation(sql)) {
          return true;
        }
        SQLException next = sql.getNextException();
        if (next != null && next != sql && Database.isUniqueViolation(next)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static IllegalStateException noPrevious(EvidenceEvent event) {
    return new IllegalStateException(
        "stream "
            + event.stream()
            + " has no event at seq "
            + (event.seq() - 1)
            + ", so "
            + event.id()
            + " cannot be chained");
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
          throw noPrevious(event);
        }
        return rows.getString(1);
      }
    }
  }

  private static final String INSERT =
      "INSERT INTO evidence_events (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static void insert(Connection connection, ChainedEvent event) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, event);
      insert.executeUpdate();
    }
  }

  /** One JDBC batch: a single round trip for all of {@code events}. */
  private static void insertBatch(Connection connection, List<ChainedEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (ChainedEvent event : events) {
        bind(insert, event);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement insert, ChainedEvent event) throws SQLException {
    insert.setString(1, event.id());
    insert.setString(2, event.stream());
    insert.setLong(3, event.seq());
    insert.setString(4, event.missionId());
    insert.setString(5, event.type());
    insert.setString(6, event.actor());
    insert.setObject(7, OffsetDateTime.ofInstant(Instant.parse(event.timestamp()), ZoneOffset.UTC));
    insert.setString(8, Json.write(event.data()));
    insert.setString(9, event.prevHash());
    insert.setString(10, event.hash());
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
