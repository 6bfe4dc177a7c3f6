package dev.atomic.finops;

import dev.atomic.finops.BudgetRepository.Usage;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Database;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reservations: work holds its forecast on its budgets before it starts, commits the actual spend
 * when it ends (the rest of the hold returns), or releases the hold when it is rejected or rolled
 * back. A hold is taken in one transaction on every budget it names, or on none.
 */
public final class Reservations {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");
  private static final Pattern MISSION_ID = Pattern.compile("M-[A-Za-z0-9_-]{1,60}");

  private record Result(Reservation reservation, List<BudgetAlert> due, boolean changed) {
    Result(Reservation reservation, List<BudgetAlert> due) {
      this(reservation, due, true);
    }
  }

  /** What a mission committed in all, and what its reservations forecast. */
  public record MissionSpend(BigDecimal committedUsd, BigDecimal reservedUsd) {}

  private final Database database;
  private final Budgets budgets;
  private final Clock clock;
  private final BudgetRepository budgetRows = new BudgetRepository();
  private final ReservationRepository reservations = new ReservationRepository();
  private final AtomicMetrics metrics;

  public Reservations(Database database, Budgets budgets, Clock clock) {
    this(database, budgets, clock, AtomicMetrics.none());
  }

  /** Committed spend is counted in {@code metrics}. */
  public Reservations(Database database, Budgets budgets, Clock clock, AtomicMetrics metrics) {
    this.database = database;
    this.budgets = budgets;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The committed spend and the reserved forecast of every reservation made for a mission. */
  public MissionSpend missionSpend(String missionId) {
    return tx(
        c -> {
          try (java.sql.PreparedStatement query =
              c.prepareStatement(
                  "SELECT COALESCE(SUM(committed_usd), 0), COALESCE(SUM(amount), 0)"
                      + " FROM budget_reservations WHERE mission_id = ? AND status <> ?")) {
            query.setString(1, missionId);
            query.setString(2, Reservation.RELEASED);
            try (java.sql.ResultSet rows = query.executeQuery()) {
              rows.next();
              return new MissionSpend(rows.getBigDecimal(1), rows.getBigDecimal(2));
            }
          }
        });
  }

  /**
   * Holds {@code usd} on the request's budgets, all or nothing. Reserving an id that exists returns
   * that reservation when it is the same request.
   *
   * @throws BudgetExceededException when the amount does not fit one of the budgets
   * @throws FinOpsException NOT_FOUND for a named budget that was never set, CONFLICT for an id
   *     already used by a different reservation
   */
  public Reservation reserve(ReservationRequest request) {
    String id =
        request.id() == null || request.id().isBlank()
            ? "res-" + UUID.randomUUID()
            : request.id().strip();
    if (!ID.matcher(id).matches()) {
      throw FinOpsException.invalid(
          "'id' must be 1 to 100 letters, digits, '_', '.', ':' or '-', got '"
              + request.id()
              + "'");
    }
    BigDecimal usd = Money.requireAmount("usd", request.usd());
    String missionId =
        request.missionId() == null || request.missionId().isBlank()
            ? null
            : request.missionId().strip();
    if (missionId != null && !MISSION_ID.matcher(missionId).matches()) {
      throw FinOpsException.invalid("'missionId' must look like M-…, got '" + missionId + "'");
    }
    List<BudgetScope> named = new ArrayList<>();
    request.scopes().forEach(s -> named.add(BudgetScope.parse(s)));
    BudgetScope team =
        request.team() == null || request.team().isBlank()
            ? null
            : BudgetScope.team(request.team().strip());
    Instant now = clock.instant();
    try {
      return tx(
          c -> {
            Optional<Reservation> existing = reservations.find(c, id, false);
            if (existing.isPresent()) {
              return same(existing.get(), usd, missionId);
            }
            if (!reservations.insert(c, id, usd, missionId, now)) {
              throw new Retry();
            }
            TreeSet<String> scopes = new TreeSet<>();
            if (named.isEmpty()) {
              scopes.add(BudgetScope.GLOBAL_NAME);
              if (missionId != null && budgets.exists(c, BudgetScope.mission(missionId))) {
                scopes.add(BudgetScope.mission(missionId).value());
              }
              if (team != null && budgets.exists(c, team)) {
                scopes.add(team.value());
              }
            } else {
              named.forEach(s -> scopes.add(s.value()));
            }
            // Always in scope order, so two reservations never wait on each other's rows.
            for (String scope : scopes) {
              Budgets.Opened opened = budgets.open(c, new BudgetScope(scope), now);
              if (!budgetRows.reserve(c, scope, opened.period(), usd, now)) {
                Usage usage = budgets.usage(c, new BudgetScope(scope), opened.period(), false);
                throw new BudgetExceededException(scope, usd, usage.remaining());
              }
              reservations.insertHold(c, id, new Reservation.Hold(scope, opened.period()));
            }
            return reservations.find(c, id, false).orElseThrow();
          });
    } catch (Retry concurrent) {
      // The same id was reserved concurrently and has committed by now.
      return same(tx(c -> reservations.find(c, id, false)).orElseThrow(), usd, missionId);
    }
  }

  /**
   * Records the actual spend of a held reservation: its budgets' holds return, the spend is
   * consumed (even past the total: it happened), and thresholds reached fire their alerts.
   * Committing the same amount again returns the reservation unchanged.
   *
   * @throws FinOpsException NOT_FOUND, or CONFLICT when released or committed with another amount
   */
  public Reservation commit(String id, BigDecimal usd) {
    BigDecimal spent = Money.requireAmount("usd", usd);
    Instant now = clock.instant();
    Result result =
        tx(
            c -> {
              Reservation held = require(c, id);
              if (held.status().equals(Reservation.COMMITTED)) {
                if (held.committedUsd().compareTo(spent) == 0) {
                  return new Result(held, List.of(), false);
                }
                throw FinOpsException.conflict(
                    "reservation "
                        + id
                        + " is already committed with "
                        + Money.text(held.committedUsd())
                        + " USD");
              }
              if (held.status().equals(Reservation.RELEASED)) {
                throw FinOpsException.conflict(
                    "reservation " + id + " was released; there is nothing to commit");
              }
              List<BudgetAlert> due = new ArrayList<>();
              for (Reservation.Hold hold : held.budgets()) {
                BudgetScope scope = new BudgetScope(hold.scope());
                budgets.usage(c, scope, hold.period(), true);
                budgetRows.settle(c, hold.scope(), hold.period(), held.usd(), spent, now);
                due.addAll(budgets.due(c, budgets.usage(c, scope, hold.period(), false), now));
              }
              reservations.finish(c, id, Reservation.COMMITTED, Money.usd(spent), now);
              return new Result(reservations.find(c, id, false).orElseThrow(), due);
            });
    if (result.changed()) {
      metrics.spend(spent.doubleValue());
    }
    budgets.fire(result.due());
    return result.reservation();
  }

  /**
   * Returns a held reservation's holds to its budgets. Releasing again returns it unchanged.
   *
   * @throws FinOpsException NOT_FOUND, or CONFLICT when it is committed
   */
  public Reservation release(String id) {
    Instant now = clock.instant();
    return tx(
        c -> {
          Reservation held = require(c, id);
          if (held.status().equals(Reservation.RELEASED)) {
            return held;
          }
          if (held.status().equals(Reservation.COMMITTED)) {
            throw FinOpsException.conflict(
                "reservation " + id + " is committed; its spend cannot be released");
          }
          for (Reservation.Hold hold : held.budgets()) {
            budgets.usage(c, new BudgetScope(hold.scope()), hold.period(), true);
            budgetRows.settle(c, hold.scope(), hold.period(), held.usd(), BigDecimal.ZERO, now);
          }
          reservations.finish(c, id, Reservation.RELEASED, null, now);
          return reservations.find(c, id, false).orElseThrow();
        });
  }

  /**
   * @throws FinOpsException NOT_FOUND
   */
  public Reservation find(String id) {
    return tx(c -> require(c, id));
  }

  private Reservation require(java.sql.Connection c, String id) throws SQLException {
    if (id == null || !ID.matcher(id).matches()) {
      throw FinOpsException.notFound("reservation not found: " + id);
    }
    return reservations
        .find(c, id, true)
        .orElseThrow(() -> FinOpsException.notFound("reservation not found: " + id));
  }

  private static Reservation same(Reservation existing, BigDecimal usd, String missionId) {
    boolean sameMission =
        missionId == null ? existing.missionId() == null : missionId.equals(existing.missionId());
    if (existing.usd().compareTo(usd) != 0 || !sameMission) {
      throw FinOpsException.conflict(
          "reservation id "
              + existing.id()
              + " is already used for "
              + Money.text(existing.usd())
              + " USD");
    }
    return existing;
  }

  private <T> T tx(dev.atomic.platform.Database.Work<T> work) {
    return StoreUnavailableException.call("budget", () -> database.inTransaction(work));
  }

  /** The id was inserted concurrently: read the winner's reservation. */
  private static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry() {
      super(null, null, false, false);
    }
  }
}
