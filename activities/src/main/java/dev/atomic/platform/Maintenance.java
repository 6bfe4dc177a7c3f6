package dev.atomic.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Maintenance mode, kept in the database so that every API replica honours it: while it is on, no
 * new mission starts; missions already running go on.
 */
public final class Maintenance {

  /**
   * The mode as stored.
   *
   * @param changedAt null when it was never set
   */
  public record State(boolean active, String reason, String changedBy, Instant changedAt) {}

  private final Database database;
  private final Clock clock;

  public Maintenance(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public State state() throws SQLException {
    return database.read(
        c -> {
          try (PreparedStatement query =
                  c.prepareStatement(
                      "SELECT active, reason, changed_by, changed_at FROM maintenance WHERE id = 1");
              ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
              return new State(false, null, null, null);
            }
            return new State(
                rows.getBoolean(1),
                rows.getString(2),
                rows.getString(3),
                rows.getTimestamp(4).toInstant());
          }
        });
  }

  /** Turns maintenance on or off; returns the new state. */
  public State set(boolean active, String reason, String by) throws SQLException {
    Instant now = clock.instant();
    database.inTransaction(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE maintenance SET active = ?, reason = ?, changed_by = ?, changed_at = ?"
                      + " WHERE id = 1")) {
            bind(update, active, reason, by, now);
            if (update.executeUpdate() == 0) {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO maintenance (active, reason, changed_by, changed_at, id)"
                          + " VALUES (?, ?, ?, ?, 1)")) {
                bind(insert, active, reason, by, now);
                insert.executeUpdate();
              }
            }
          }
          return null;
        });
    return new State(active, reason, by, now);
  }

  private static void bind(
      PreparedStatement statement, boolean active, String reason, String by, Instant now)
      throws SQLException {
    statement.setBoolean(1, active);
    statement.setString(2, reason);
    statement.setString(3, by);
    statement.setTimestamp(4, Timestamp.from(now));
  }
}
