package dev.atomic.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of the platform's state, read from the database: missions in progress by status and the
 * evidence store's size. Every API replica reports the same values (aggregate with {@code max}).
 * One scrape reads the database at most once per {@code maxAge}; a read that fails keeps the last
 * values and is logged, so a scrape never fails because of the database.
 */
public final class PlatformGauges implements MeterBinder {

  public static final String ACTIVE_MISSIONS = "atomic.missions.active";
  public static final String EVIDENCE_STORAGE = "atomic.evidence.storage";

  private static final Logger log = LoggerFactory.getLogger(PlatformGauges.class);

  private final Database database;
  private final Clock clock;
  private final Duration maxAge;
  private final List<String> statuses;
  private Snapshot snapshot;
  private Instant readAt;

  /**
   * @param statuses the wire names of the statuses a mission is in progress in, one gauge each
   */
  public PlatformGauges(Database database, Clock clock, Duration maxAge, List<String> statuses) {
    this.database = Objects.requireNonNull(database);
    this.clock = clock;
    this.maxAge = maxAge;
    this.statuses = List.copyOf(statuses);
    this.snapshot = new Snapshot(Map.of(), 0);
  }

  /** Registers the gauges; they read through this instance. */
  @Override
  public void bindTo(MeterRegistry registry) {
    for (String status : statuses) {
      Gauge.builder(ACTIVE_MISSIONS, this, g -> g.current().byStatus().getOrDefault(status, 0L))
          .description("Missions in progress, by status")
          .tag("status", status)
          .register(registry);
    }
    Gauge.builder(EVIDENCE_STORAGE, this, g -> g.current().evidenceBytes())
        .description("Space the evidence store uses: events and artifacts")
        .baseUnit("bytes")
        .register(registry);
  }

  synchronized Snapshot current() {
    Instant now = clock.instant();
    if (readAt == null || Duration.between(readAt, now).compareTo(maxAge) >= 0) {
      readAt = now;
      try {
        snapshot = database.read(PlatformGauges::read);
      } catch (SQLException | RuntimeException e) {
        log.warn("platform gauges keep their last values: {}", e.getMessage());
      }
    }
    return snapshot;
  }

  private static Snapshot read(Connection connection) throws SQLException {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    try (PreparedStatement statement =
            connection.prepareStatement("SELECT status, COUNT(*) FROM missions GROUP BY status");
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        byStatus.put(rows.getString(1), rows.getLong(2));
      }
    }
    return new Snapshot(byStatus, storageBytes(connection));
  }

  private static long storageBytes(Connection connection) throws SQLException {
    boolean postgres =
        connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    String sql =
        postgres
            ? "SELECT pg_total_relation_size('evidence_events') + pg_total_relation_size('artifacts')"
            : "SELECT (SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM evidence_events)"
                + " + (SELECT COALESCE(SUM(size_bytes), 0) FROM artifacts)";
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  record Snapshot(Map<String, Long> byStatus, long evidenceBytes) {}
}
