package dev.atomic.finops;

import java.math.BigDecimal;
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
import java.util.Optional;

/** The {@code budgets}, {@code budget_periods} and {@code budget_alerts} tables. */
final class BudgetRepository {

  /** A budget's settings. */
  record Definition(BudgetScope scope, BigDecimal total, ResetPeriod reset, boolean explicit) {}

  /** A budget's figures in one period. */
  record Usage(
      String scope, String period, BigDecimal total, BigDecimal consumed, BigDecimal reserved) {

    /** What can still be reserved: never below zero. */
    BigDecimal remaining() {
      BigDecimal left = total.subtract(consumed).subtract(reserved);
      return left.signum() < 0 ? BigDecimal.ZERO : left;
    }
  }

  Optional<Definition> definition(Connection connection, String scope, boolean forUpdate)
      throws SQLException {
    String sql =
        "SELECT scope, total, reset_period, total_explicit FROM budgets WHERE scope = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, scope);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Definition(
                new BudgetScope(rows.getString(1)),
                rows.getBigDecimal(2),
                ResetPeriod.parse(rows.getString(3)),
                rows.getBoolean(4)));
      }
    }
  }

  /** Inserts a budget; false when a concurrent caller inserted it first. */
  boolean insertDefinition(Connection connection, Definition definition, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO budgets (scope, total, reset_period, total_explicit, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
    return insertIfAbsent(
        connection,
        sql,
        statement -> {
          statement.setString(1, definition.scope().value());
          statement.setBigDecimal(2, Money.usd(definition.total()));
          statement.setString(3, definition.reset().wire());
          statement.setBoolean(4, definition.explicit());
          statement.setObject(5, timestamp(now));
          statement.setObject(6, timestamp(now));
        });
  }

  void updateDefinition(Connection connection, Definition definition, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE budgets SET total = ?, reset_period = ?, total_explicit = ?, updated_at = ? WHERE scope = ?")) {
      update.setBigDecimal(1, Money.usd(definition.total()));
      update.setString(2, definition.reset().wire());
      update.setBoolean(3, definition.explicit());
      update.setObject(4, timestamp(now));
      update.setString(5, definition.scope().value());
      update.executeUpdate();
    }
  }

  Optional<Usage> usage(Connection connection, String scope, String period, boolean forUpdate)
      throws SQLException {
    String sql =
        "SELECT scope, period, total, consumed, reserved FROM budget_periods WHERE scope = ? AND period = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setString(1, scope);
      query.setString(2, period);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Usage(
                rows.getString(1),
                rows.getString(2),
                rows.getBigDecimal(3),
                rows.getBigDecimal(4),
                rows.getBigDecimal(5)));
      }
    }
  }

  /** Creates the period's row with the budget's current total, unless it exists. */
  void ensurePeriod(
      Connection connection, String scope, String period, BigDecimal total, Instant now)
      throws SQLException {
    if (usage(connection, scope, period, false).isPresent()) {
      return;
    }
    insertIfAbsent(
        connection,
        "INSERT INTO budget_periods (scope, period, total, consumed, reserved, updated_at) VALUES (?, ?, ?, 0, 0, ?)",
        statement -> {
          statement.setString(1, scope);
          statement.setString(2, period);
          statement.setBigDecimal(3, Money.usd(total));
          statement.setObject(4, timestamp(now));
        });
  }

  /**
   * Reserves {@code amount} when it fits, in one conditional UPDATE: concurrent reservations queue
   * on the row lock and each sees the others' committed holds, so together they never exceed the
   * total.
   */
  boolean reserve(
      Connection connection, String scope, String period, BigDecimal amount, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE budget_periods SET reserved = reserved + ?, updated_at = ?"
                + " WHERE scope = ? AND period = ? AND consumed + reserved + ? <= total")) {
      update.setBigDecimal(1, amount);
      update.setObject(2, timestamp(now));
      update.setString(3, scope);
      update.setString(4, period);
      update.setBigDecimal(5, amount);
      return update.executeUpdate() == 1;
    }
  }

  /** Gives back {@code released} of the reserved amount and adds {@code consumed}. */
  void settle(
      Connection connection,
      String scope,
      String period,
      BigDecimal released,
      BigDecimal consumed,
      Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE budget_periods SET reserved = CASE WHEN reserved > ? THEN reserved - ? ELSE 0 END,"
                + " consumed = consumed + ?, updated_at = ? WHERE scope = ? AND period = ?")) {
      update.setBigDecimal(1, released);
      update.setBigDecimal(2, released);
      update.setBigDecimal(3, consumed);
      update.setObject(4, timestamp(now));
      update.setString(5, scope);
      update.setString(6, period);
      if (update.executeUpdate() != 1) {
        throw new SQLException("budget " + scope + " has no period " + period);
      }
    }
  }

  void setPeriodTotal(
      Connection connection, String scope, String period, BigDecimal total, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE budget_periods SET total = ?, updated_at = ? WHERE scope = ? AND period = ?")) {
      update.setBigDecimal(1, Money.usd(total));
      update.setObject(2, timestamp(now));
      update.setString(3, scope);
      update.setString(4, period);
      update.executeUpdate();
    }
  }

  /** Thresholds already recorded as fired in a period, ascending. */
  List<Integer> firedThresholds(Connection connection, String scope, String period)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT threshold FROM budget_alerts WHERE scope = ? AND period = ? ORDER BY threshold")) {
      query.setString(1, scope);
      query.setString(2, period);
      try (ResultSet rows = query.executeQuery()) {
        List<Integer> fired = new ArrayList<>();
        while (rows.next()) {
          fired.add(rows.getInt(1));
        }
        return fired;
      }
    }
  }

  /** Binds one statement's parameters. */
  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs an INSERT; a unique violation (a concurrent insert of the same key) is not an error.
   * PostgreSQL aborts the transaction on a failed statement, hence the savepoint.
   */
  static boolean insertIfAbsent(Connection connection, String sql, Binder binder)
      throws SQLException {
    Savepoint before = connection.getAutoCommit() ? null : connection.setSavepoint();
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      binder.bind(insert);
      insert.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        if (before != null) {
          connection.rollback(before);
        }
        return false;
      }
      throw e;
    }
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
