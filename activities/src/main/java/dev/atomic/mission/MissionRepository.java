package dev.atomic.mission;

import dev.atomic.platform.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code missions} table: the current state of every mission, kept by its workflow, so missions
 * can be listed and read without asking Temporal (whose embedded server cannot list).
 */
public final class MissionRepository {

  /**
   * Stores a snapshot unless a newer one is already stored.
   *
   * @param version the workflow's state version; a retried or late write of an older version leaves
   *     the newer row alone
   * @return true when the row now holds this snapshot
   */
  public boolean save(Connection connection, Mission mission, long version) throws SQLException {
    String update =
        "UPDATE missions SET title = ?, risk = ?, status = ?, current_checkpoint = ?,"
            + " requested_by = ?, created_at = ?, updated_at = ?, version = ?, document = ?"
            + " WHERE mission_id = ? AND version < ?";
    try (PreparedStatement statement = connection.prepareStatement(update)) {
      int i = bind(statement, mission, version);
      statement.setString(i++, mission.missionId());
      statement.setLong(i, version);
      if (statement.executeUpdate() == 1) {
        return true;
      }
    }
    if (exists(connection, mission.missionId())) {
      return false;
    }
    String insert =
        "INSERT INTO missions (title, risk, status, current_checkpoint, requested_by, created_at,"
            + " updated_at, version, document, mission_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      int i = bind(statement, mission, version);
      statement.setString(i, mission.missionId());
      statement.executeUpdate();
      return true;
    }
  }

  public Optional<Mission> find(Connection connection, String missionId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT document FROM missions WHERE mission_id = ?")) {
      query.setString(1, missionId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next()
            ? Optional.of(Json.read(rows.getString(1), Mission.class))
            : Optional.empty();
      }
    }
  }

  /** The stored version of a mission's snapshot, or -1 when there is none. */
  public long version(Connection connection, String missionId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT version FROM missions WHERE mission_id = ?")) {
      query.setString(1, missionId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    }
  }

  /** Missions whose status is one of {@code statuses}, newest first. */
  public List<Mission> list(Connection connection, Collection<MissionStatus> statuses, int limit)
      throws SQLException {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String placeholders = statuses.stream().map(s -> "?").collect(Collectors.joining(", "));
    String sql =
        "SELECT document FROM missions WHERE status IN ("
            + placeholders
            + ") ORDER BY created_at DESC, mission_id DESC LIMIT ?";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      int i = 1;
      for (MissionStatus status : statuses) {
        query.setString(i++, status.wire());
      }
      query.setInt(i, limit);
      try (ResultSet rows = query.executeQuery()) {
        List<Mission> missions = new ArrayList<>();
        while (rows.next()) {
          missions.add(Json.read(rows.getString(1), Mission.class));
        }
        return missions;
      }
    }
  }

  private static int bind(PreparedStatement statement, Mission mission, long version)
      throws SQLException {
    int i = 1;
    statement.setString(i++, mission.title());
    statement.setString(i++, mission.risk().wire());
    statement.setString(i++, mission.status().wire());
    statement.setString(i++, mission.awaitingCheckpoint().map(c -> c.name().wire()).orElse(null));
    statement.setString(i++, mission.requestedBy());
    statement.setObject(i++, timestamp(mission.createdAt()));
    statement.setObject(i++, timestamp(mission.updatedAt()));
    statement.setLong(i++, version);
    statement.setString(i++, Json.write(mission));
    return i;
  }

  private static OffsetDateTime timestamp(String iso) {
    return OffsetDateTime.ofInstant(Instant.parse(iso), ZoneOffset.UTC);
  }

  private boolean exists(Connection connection, String missionId) throws SQLException {
    return version(connection, missionId) >= 0;
  }
}
