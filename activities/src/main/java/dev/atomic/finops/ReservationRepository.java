package dev.atomic.finops;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code budget_reservations} and {@code budget_reservation_scopes} tables. */
final class ReservationRepository {

  /** Inserts a held reservation; false when its id is taken. */
  boolean insert(Connection c, String id, BigDecimal usd, String missionId, Instant now)
      throws SQLException {
    return BudgetRepository.insertIfAbsent(
        c,
        "INSERT INTO budget_reservations (id, status, amount, mission_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        insert -> {
          insert.setString(1, id);
          insert.setString(2, Reservation.HELD);
          insert.setBigDecimal(3, usd);
          insert.setString(4, missionId);
          insert.setObject(5, BudgetRepository.timestamp(now));
          insert.setObject(6, BudgetRepository.timestamp(now));
        });
  }

  void insertHold(Connection c, String id, Reservation.Hold hold) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO budget_reservation_scopes (reservation_id, scope, period) VALUES (?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, hold.scope());
      insert.setString(3, hold.period());
      insert.executeUpdate();
    }
  }

  Optional<Reservation> find(Connection c, String id, boolean forUpdate) throws SQLException {
    String sql =
        "SELECT id, status, amount, committed_usd, mission_id, created_at, updated_at FROM budget_reservations WHERE id = ?"
            + (forUpdate ? " FOR UPDATE" : "");
    String status;
    BigDecimal amount;
    BigDecimal committed;
    String missionId;
    String createdAt;
    String updatedAt;
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        status = rows.getString(2);
        amount = rows.getBigDecimal(3);
        committed = rows.getBigDecimal(4);
        missionId = rows.getString(5);
        createdAt = rows.getObject(6, OffsetDateTime.class).toInstant().toString();
        updatedAt = rows.getObject(7, OffsetDateTime.class).toInstant().toString();
      }
    }
    List<Reservation.Hold> holds = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT scope, period FROM budget_reservation_scopes WHERE reservation_id = ? ORDER BY scope")) {
      query.setString(1, id);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          holds.add(new Reservation.Hold(rows.getString(1), rows.getString(2)));
        }
      }
    }
    return Optional.of(
        new Reservation(id, status, amount, committed, missionId, holds, createdAt, updatedAt));
  }

  void finish(Connection c, String id, String status, BigDecimal committedUsd, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE budget_reservations SET status = ?, committed_usd = ?, updated_at = ? WHERE id = ?")) {
      update.setString(1, status);
      update.setBigDecimal(2, committedUsd);
      update.setObject(3, BudgetRepository.timestamp(now));
      update.setString(4, id);
      update.executeUpdate();
    }
  }
}
