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

/** The {@code evidence_events} table: insert and read, never update or delete. */
public final class EvidenceEventRepository {

  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  /**
   * Appends an event. Writing an event whose id is already stored is a no-op, which makes
   * retried activities safe.
   *
   * @return true when the event was written now, false when it was already there
   */
  public boolean append(Connection connection, EvidenceEvent event) throws SQLException {
    if (exists(connection, event.id())) {
      return false;
    }
    String sql =
        "INSERT INTO evidence_events (id, stream, seq, mission_id, type, actor, occurred_at, data)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    Savepoint beforeInsert = connection.getAutoCommit() ? null : connection.setSavepoint();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, event.id());
      insert.setString(2, event.stream());
      insert.setLong(3, event.seq());
      insert.setString(4, event.missionId());
      insert.setString(5, event.type());
      insert.setString(6, event.actor());
      insert.setObject(7, OffsetDateTime.ofInstant(Instant.parse(event.timestamp()), ZoneOffset.UTC));
      insert.setString(8, Json.write(event.data()));
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      // A concurrent retry of the same activity may have won the race; that is still one event.
      // PostgreSQL aborts the transaction on a failed statement, hence the savepoint.
      if (Database.isUniqueViolation(e)) {
        if (beforeInsert != null) {
          connection.rollback(beforeInsert);
        }
        if (exists(connection, event.id())) {
          return false;
        }
      }
      throw e;
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

  /** Every event of a stream, in sequence order. */
  public List<EvidenceEvent> stream(Connection connection, String stream) throws SQLException {
    String sql =
        "SELECT id, stream, seq, mission_id, type, actor, occurred_at, data"
            + " FROM evidence_events WHERE stream = ? ORDER BY seq";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        List<EvidenceEvent> events = new ArrayList<>();
        while (rows.next()) {
          events.add(
              new EvidenceEvent(
                  rows.getString("id"),
                  rows.getString("stream"),
                  rows.getLong("seq"),
                  rows.getString("mission_id"),
                  rows.getString("type"),
                  rows.getString("actor"),
                  rows.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(),
                  Json.read(rows.getString("data"), DATA)));
        }
        return events;
      }
    }
  }

  private static boolean exists(Connection connection, String id) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM evidence_events WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
