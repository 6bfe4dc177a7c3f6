package dev.atomic.finops;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Records fired alerts ({@code budget_alerts}) with their evidence event, once per threshold and
 * period whatever the number of calls, and their webhook delivery.
 */
public final class AlertStore {

  private final Database database;
  private final Clock clock;
  private final BudgetRepository budgets = new BudgetRepository();
  private final BudgetEvidence evidence;

  /** Alert events pass the built-in secret redactor. */
  public AlertStore(Database database, Clock clock) {
    this(database, clock, SecretRedactor.builtIn());
  }

  /** Alert events pass {@code redactor} before they are stored and hashed. */
  public AlertStore(Database database, Clock clock, EvidenceRedactor redactor) {
    this.evidence = new BudgetEvidence(redactor);
    this.database = database;
    this.clock = clock;
  }

  /**
   * Records an alert and appends its {@code BudgetBreached} or {@code BudgetThresholdReached}
   * event. Idempotent: an alert already recorded is returned as stored.
   */
  public AlertRecord record(BudgetAlert alert) {
    BudgetScope scope = BudgetScope.parse(alert.scope());
    return tx(
        c -> {
          // The budget's row lock serializes the writers of its evidence stream.
          budgets
              .definition(c, scope.value(), true)
              .orElseThrow(() -> FinOpsException.notFound("no budget for " + scope));
          Optional<AlertRecord> existing = find(c, alert);
          if (existing.isPresent()) {
            return existing.get();
          }
          Map<String, Object> data = new LinkedHashMap<>();
          data.put("alertId", alert.alertId());
          data.put("scope", alert.scope());
          data.put("period", alert.period());
          data.put("threshold", alert.threshold());
          data.put("total", Money.text(alert.total()));
          data.put("consumed", Money.text(alert.consumed()));
          data.put("reserved", Money.text(alert.reserved()));
          data.put("breached", alert.breached());
          String eventId = evidence.append(c, scope, alert.eventType(), alert.occurredAt(), data);
          BudgetRepository.insertIfAbsent(
              c,
              "INSERT INTO budget_alerts (scope, period, threshold, alert_id, event_id, fired_at) VALUES (?, ?, ?, ?, ?, ?)",
              insert -> {
                insert.setString(1, alert.scope());
                insert.setString(2, alert.period());
                insert.setInt(3, alert.threshold());
                insert.setString(4, alert.alertId());
                insert.setString(5, eventId);
                insert.setObject(6, BudgetRepository.timestamp(Instant.parse(alert.occurredAt())));
              });
          return find(c, alert).orElseThrow();
        });
  }

  /** Notes that the webhook took the alert (or that there is none). */
  public AlertRecord delivered(BudgetAlert alert, String delivery) {
    return tx(
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE budget_alerts SET notified_at = ?, delivery = ? WHERE scope = ? AND period = ? AND threshold = ?")) {
            update.setObject(1, BudgetRepository.timestamp(clock.instant()));
            update.setString(2, delivery.length() > 500 ? delivery.substring(0, 500) : delivery);
            update.setString(3, alert.scope());
            update.setString(4, alert.period());
            update.setInt(5, alert.threshold());
            update.executeUpdate();
          }
          return find(c, alert)
              .orElseThrow(
                  () -> FinOpsException.notFound("alert " + alert.alertId() + " is not recorded"));
        });
  }

  public Optional<AlertRecord> find(BudgetAlert alert) {
    return tx(c -> find(c, alert));
  }

  private static Optional<AlertRecord> find(Connection c, BudgetAlert alert) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT alert_id, scope, period, threshold, event_id, fired_at, notified_at, delivery FROM budget_alerts"
                + " WHERE scope = ? AND period = ? AND threshold = ?")) {
      query.setString(1, alert.scope());
      query.setString(2, alert.period());
      query.setInt(3, alert.threshold());
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new AlertRecord(
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getInt(4),
                rows.getString(5),
                instant(rows, 6),
                instant(rows, 7),
                rows.getString(8)));
      }
    }
  }

  private static String instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant().toString();
  }

  private <T> T tx(Database.Work<T> work) {
    return StoreUnavailableException.call("alert", () -> database.inTransaction(work));
  }
}
