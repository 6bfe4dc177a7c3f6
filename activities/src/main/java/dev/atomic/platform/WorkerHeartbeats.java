package dev.atomic.platform;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * The {@code worker_heartbeats} table: each worker process records, every few seconds, the task
 * queues it polls; health checks ask whether a queue has a live worker.
 */
public final class WorkerHeartbeats {

  /** How often a worker reports. */
  public static final Duration INTERVAL = Duration.ofSeconds(10);

  /** A worker not heard from for this long no longer counts. */
  public static final Duration LIVE = Duration.ofSeconds(35);

  /** Live workers on one queue, and when the latest of them reported. */
  public record Queue(String taskQueue, int liveWorkers, Optional<Instant> lastSeen) {}

  private final Database database;
  private final Clock clock;

  public WorkerHeartbeats(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records that {@code workerId} polls {@code queues} now. */
  public void beat(String workerId, Collection<String> queues) throws SQLException {
    Timestamp now = Timestamp.from(clock.instant());
    database.inTransaction(
        c -> {
          for (String queue : queues) {
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE worker_heartbeats SET seen_at = ? WHERE worker_id = ? AND task_queue = ?")) {
              update.setTimestamp(1, now);
              update.setString(2, workerId);
              update.setString(3, queue);
              if (update.executeUpdate() == 0) {
                try (PreparedStatement insert =
                    c.prepareStatement(
                        "INSERT INTO worker_heartbeats (worker_id, task_queue, seen_at) VALUES (?, ?, ?)")) {
                  insert.setString(1, workerId);
                  insert.setString(2, queue);
                  insert.setTimestamp(3, now);
                  insert.executeUpdate();
                }
              }
            }
          }
          return null;
        });
  }

  /** The live workers of {@code queue}. */
  public Queue queue(String queue) throws SQLException {
    Instant since = clock.instant().minus(LIVE);
    return database.read(
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT COUNT(*), MAX(seen_at) FROM worker_heartbeats"
                      + " WHERE task_queue = ? AND seen_at >= ?")) {
            query.setString(1, queue);
            query.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              Timestamp last = rows.getTimestamp(2);
              return new Queue(
                  queue, rows.getInt(1), Optional.ofNullable(last).map(Timestamp::toInstant));
            }
          }
        });
  }
}
