package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.platform.Database;
import dev.atomic.testing.MovableClock;
import dev.atomic.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What the budget, reservation, alert and policy stores promise, run against each database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FinOpsStoreContract {

  private final TestDatabase testDatabase;
  private final Database database;
  private final MovableClock clock = new MovableClock("2026-11-28T10:00:00Z");

  /** Stands in for the alert workflow: records each alert it is handed, as the workflow would. */
  private final List<BudgetAlert> fired = Collections.synchronizedList(new ArrayList<>());

  private final AlertStore alerts;
  private final Budgets budgets;
  private final Reservations reservations;
  private final ModelPolicies policies;

  FinOpsStoreContract(TestDatabase testDatabase) {
    this.testDatabase = testDatabase;
    this.database = new Database(testDatabase.dataSource());
    this.alerts = new AlertStore(database, clock);
    this.budgets = budgets(FinOpsSettings.defaults());
    this.reservations = new Reservations(database, budgets, clock);
    this.policies = new ModelPolicies(database, PriceTable.shipped(), clock);
  }

  private Budgets budgets(FinOpsSettings settings) {
    return new Budgets(
        database,
        settings,
        clock,
        due -> {
          fired.addAll(due);
          due.forEach(alerts::record);
        });
  }

  @AfterAll
  void dropDatabase() throws Exception {
    testDatabase.close();
  }

  @Test
  void theGlobalBudgetStartsAtTheDefaultAndConsumptionAddsUp() {
    Budget before = budgets.get(BudgetScope.GLOBAL);
    assertThat(before.total()).isEqualByComparingTo("100");
    assertThat(before.period()).isEqualTo("2026-11");
    assertThat(before.reset()).isEqualTo("monthly");
    assertThat(before.thresholds()).containsExactly(50, 80, 100);

    Budget after = budgets.consume(BudgetScope.GLOBAL, new BigDecimal("5.0"));

    assertThat(after.consumed()).isEqualByComparingTo(before.consumed().add(new BigDecimal("5")));
    assertThat(after.remaining())
        .isEqualByComparingTo(before.remaining().subtract(new BigDecimal("5")));
    assertThat(after.consumed().toPlainString()).doesNotContain("E").doesNotEndWith(".000000");
    assertThatThrownBy(() -> budgets.consume(BudgetScope.GLOBAL, new BigDecimal("-1")))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> assertThat(e.getMessage()).contains("'consumed' must not be negative"));
  }

  @Test
  void theGlobalTotalFollowsTheDefaultUntilOneIsSet() {
    FinOpsSettings twoHundred =
        new FinOpsSettings(
            new BigDecimal("200"), null, null, null, null, null, null, null, null, null);
    assertThat(budgets(twoHundred).get(BudgetScope.GLOBAL).total()).isEqualByComparingTo("200");
    assertThat(budgets.get(BudgetScope.GLOBAL).total()).isEqualByComparingTo("100");

    budgets.define(BudgetScope.GLOBAL, new BigDecimal("150"), null);

    assertThat(budgets(twoHundred).get(BudgetScope.GLOBAL).total()).isEqualByComparingTo("150");
    assertThat(budgets.get(BudgetScope.GLOBAL).total()).isEqualByComparingTo("150");
    budgets.define(BudgetScope.GLOBAL, new BigDecimal("1000"), null);
  }

  @Test
  void aBudgetNobodySetIsNotFound() {
    assertThatThrownBy(() -> budgets.get(BudgetScope.team("nobody")))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FinOpsException.Kind.NOT_FOUND);
              assertThat(e.getMessage()).contains("PUT /finops/budgets/team:nobody");
            });
    assertThatThrownBy(() -> BudgetScope.parse("department:x")).isInstanceOf(FinOpsException.class);
  }

  @Test
  void eachThresholdFiresOncePerPeriodAndBreachedMeansPastTheTotal() throws Exception {
    BudgetScope team = BudgetScope.team("alerts");
    budgets.define(team, new BigDecimal("10"), null);

    budgets.consume(team, new BigDecimal("4.99"));
    assertThat(firedFor(team)).isEmpty();
    budgets.consume(team, new BigDecimal("0.01"));
    assertThat(firedFor(team)).containsExactly(50);
    budgets.consume(team, new BigDecimal("3.5"));
    assertThat(firedFor(team)).containsExactly(50, 80);
    Budget atTotal = budgets.consume(team, new BigDecimal("1.5"));
    assertThat(firedFor(team)).containsExactly(50, 80, 100);
    assertThat(atTotal.consumed()).isEqualByComparingTo("10");
    assertThat(atTotal.breached()).isFalse();
    // The answer is written before the alert workflow records the alert it started.
    assertThat(atTotal.alertsFired()).containsExactly(50, 80);
    assertThat(budgets.get(team).alertsFired()).containsExactly(50, 80, 100);

    Budget past = budgets.consume(team, new BigDecimal("0.5"));

    assertThat(past.breached()).isTrue();
    assertThat(past.remaining()).isEqualByComparingTo("0");
    assertThat(firedFor(team)).containsExactly(50, 80, 100);
    assertThat(events(team.stream()))
        .containsExactly(
            "EVT-budget:team:alerts-1 BudgetSet",
            "EVT-budget:team:alerts-2 BudgetThresholdReached",
            "EVT-budget:team:alerts-3 BudgetThresholdReached",
            "EVT-budget:team:alerts-4 BudgetBreached");

    clock.set("2026-12-01T00:00:01Z");
    try {
      Budget december = budgets.consume(team, new BigDecimal("6"));
      assertThat(december.period()).isEqualTo("2026-12");
      assertThat(december.consumed()).isEqualByComparingTo("6");
      assertThat(december.total()).isEqualByComparingTo("10");
      assertThat(budgets.get(team).alertsFired()).containsExactly(50);
      assertThat(fired)
          .filteredOn(a -> a.scope().equals("team:alerts") && a.period().equals("2026-12"))
          .extracting(BudgetAlert::alertId)
          .containsExactly("alert-team:alerts-2026-12-50");
    } finally {
      clock.set("2026-11-28T10:00:00Z");
    }
  }

  @Test
  void recordingAnAlertTwiceWritesOneEvent() throws Exception {
    BudgetScope team = BudgetScope.team("twice");
    budgets.define(team, new BigDecimal("2"), null);
    BudgetAlert alert =
        BudgetAlert.of(
            team.value(),
            "2026-11",
            80,
            new BigDecimal("2"),
            new BigDecimal("1.7"),
            BigDecimal.ZERO,
            "2026-11-28T10:00:00Z");

    AlertRecord first = alerts.record(alert);
    AlertRecord second = alerts.record(alert);

    assertThat(second).isEqualTo(first);
    assertThat(first.alertId()).isEqualTo("alert-team:twice-2026-11-80");
    assertThat(first.eventId()).isEqualTo("EVT-budget:team:twice-2");
    assertThat(first.notifiedAt()).isNull();
    assertThat(events(team.stream())).hasSize(2);
    AlertRecord delivered = alerts.delivered(alert, "HTTP 200 from http://hooks");
    assertThat(delivered.notifiedAt()).isNotNull();
    assertThat(delivered.delivery()).isEqualTo("HTTP 200 from http://hooks");
  }

  @Test
  void aMissionBudgetNeverResetsAndRecordsItsEventsUnderTheMission() throws Exception {
    BudgetScope mission = BudgetScope.mission("M-FINOPS1");

    Budget set = budgets.define(mission, new BigDecimal("3"), null);

    assertThat(set.period()).isEqualTo("all");
    assertThat(set.reset()).isEqualTo("none");
    try (Connection c = testDatabase.dataSource().getConnection();
        PreparedStatement query =
            c.prepareStatement("SELECT mission_id FROM evidence_events WHERE stream = ?")) {
      query.setString(1, "budget:mission:M-FINOPS1");
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("M-FINOPS1");
      }
    }
  }

  @Test
  void aReservationHoldsCommitsTheSpendAndReturnsTheRest() {
    BudgetScope team = BudgetScope.team("holds");
    budgets.define(team, new BigDecimal("10"), null);

    Reservation held =
        reservations.reserve(
            new ReservationRequest(
                "res-holds-1", new BigDecimal("6"), List.of(team.value()), null, null));
    assertThat(held.status()).isEqualTo("held");
    assertThat(held.budgets()).containsExactly(new Reservation.Hold("team:holds", "2026-11"));
    assertThat(budgets.get(team).reserved()).isEqualByComparingTo("6");
    assertThat(budgets.get(team).remaining()).isEqualByComparingTo("4");

    assertThatThrownBy(
            () ->
                reservations.reserve(
                    new ReservationRequest(
                        null, new BigDecimal("5"), List.of(team.value()), null, null)))
        .isInstanceOfSatisfying(
            BudgetExceededException.class,
            e -> {
              assertThat(e.scope()).isEqualTo("team:holds");
              assertThat(e.remaining()).isEqualByComparingTo("4");
              assertThat(e.shortfall()).isEqualByComparingTo("1");
            });

    Reservation committed = reservations.commit("res-holds-1", new BigDecimal("4.5"));
    assertThat(committed.status()).isEqualTo("committed");
    assertThat(committed.committedUsd()).isEqualByComparingTo("4.5");
    Budget after = budgets.get(team);
    assertThat(after.consumed()).isEqualByComparingTo("4.5");
    assertThat(after.reserved()).isEqualByComparingTo("0");
    assertThat(after.remaining()).isEqualByComparingTo("5.5");

    assertThat(reservations.commit("res-holds-1", new BigDecimal("4.5"))).isEqualTo(committed);
    assertThatThrownBy(() -> reservations.commit("res-holds-1", new BigDecimal("4")))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> assertThat(e.kind()).isEqualTo(FinOpsException.Kind.CONFLICT));
    assertThatThrownBy(() -> reservations.release("res-holds-1"))
        .isInstanceOfSatisfying(
            FinOpsException.class, e -> assertThat(e.getMessage()).contains("is committed"));
    assertThatThrownBy(() -> reservations.commit("res-nothing", BigDecimal.ONE))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> assertThat(e.kind()).isEqualTo(FinOpsException.Kind.NOT_FOUND));
  }

  @Test
  void aReleasedReservationGivesItsHoldBackOnce() {
    BudgetScope team = BudgetScope.team("release");
    budgets.define(team, new BigDecimal("1"), null);
    reservations.reserve(
        new ReservationRequest(
            "res-release-1", new BigDecimal("0.75"), List.of(team.value()), null, null));

    Reservation released = reservations.release("res-release-1");
    Reservation again = reservations.release("res-release-1");

    assertThat(released.status()).isEqualTo("released");
    assertThat(again).isEqualTo(released);
    assertThat(budgets.get(team).reserved()).isEqualByComparingTo("0");
    assertThat(budgets.get(team).consumed()).isEqualByComparingTo("0");
    assertThatThrownBy(() -> reservations.commit("res-release-1", BigDecimal.ONE))
        .isInstanceOfSatisfying(
            FinOpsException.class, e -> assertThat(e.getMessage()).contains("was released"));
  }

  @Test
  void reservingTheSameIdAgainReturnsTheFirstReservation() {
    BudgetScope team = BudgetScope.team("idem");
    budgets.define(team, new BigDecimal("5"), null);
    ReservationRequest request =
        new ReservationRequest(
            "res-M-1-execute", new BigDecimal("2"), List.of(team.value()), null, null);

    Reservation first = reservations.reserve(request);
    Reservation retried = reservations.reserve(request);

    assertThat(retried).isEqualTo(first);
    assertThat(budgets.get(team).reserved()).isEqualByComparingTo("2");
    assertThatThrownBy(
            () ->
                reservations.reserve(
                    new ReservationRequest(
                        "res-M-1-execute", new BigDecimal("3"), List.of(team.value()), null, null)))
        .isInstanceOfSatisfying(
            FinOpsException.class, e -> assertThat(e.getMessage()).contains("already used"));
  }

  @Test
  void aMissionReservationHoldsOnGlobalAndOnItsMissionBudgetAllOrNothing() {
    BudgetScope mission = BudgetScope.mission("M-RESERVE1");
    budgets.define(mission, new BigDecimal("1"), null);
    BigDecimal globalReserved = budgets.get(BudgetScope.GLOBAL).reserved();

    Reservation held =
        reservations.reserve(
            new ReservationRequest(
                null, new BigDecimal("0.6"), List.of(), "M-RESERVE1", "no-budget-team"));

    assertThat(held.missionId()).isEqualTo("M-RESERVE1");
    assertThat(held.budgets())
        .extracting(Reservation.Hold::scope)
        .containsExactly("global", "mission:M-RESERVE1");
    assertThat(budgets.get(BudgetScope.GLOBAL).reserved())
        .isEqualByComparingTo(globalReserved.add(new BigDecimal("0.6")));

    assertThatThrownBy(
            () ->
                reservations.reserve(
                    new ReservationRequest(
                        null, new BigDecimal("0.6"), List.of(), "M-RESERVE1", null)))
        .isInstanceOf(BudgetExceededException.class);
    // The global hold of the refused reservation was rolled back with it.
    assertThat(budgets.get(BudgetScope.GLOBAL).reserved())
        .isEqualByComparingTo(globalReserved.add(new BigDecimal("0.6")));
    reservations.release(held.id());
  }

  @Test
  void concurrentReservationsNeverExceedTheBudget() throws Exception {
    BudgetScope team = BudgetScope.team("race");
    budgets.define(team, new BigDecimal("10"), null);
    int threads = 64;
    BigDecimal each = new BigDecimal("0.37");
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        String id = "res-race-" + i;
        Callable<Boolean> reserve =
            () -> {
              start.await();
              try {
                reservations.reserve(
                    new ReservationRequest(id, each, List.of(team.value()), null, null));
                return true;
              } catch (BudgetExceededException refused) {
                return false;
              }
            };
        results.add(pool.submit(reserve));
      }
      start.countDown();
      int granted = 0;
      for (Future<Boolean> result : results) {
        if (result.get(60, TimeUnit.SECONDS)) {
          granted++;
        }
      }

      Budget after = budgets.get(team);
      assertThat(granted).isEqualTo(27); // floor(10 / 0.37)
      assertThat(after.reserved()).isEqualByComparingTo(each.multiply(BigDecimal.valueOf(granted)));
      assertThat(after.reserved()).isLessThanOrEqualTo(after.total());
      assertThat(countHolds("team:race")).isEqualTo(granted);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void policiesAreListedReplacedByTaskAndDeleted() {
    assertThat(policies.policies())
        .extracting(ModelPolicy::task)
        .contains("refactor", "code-generation", "code-review", "test-generation", "summarize");
    assertThat(policies.policy("summarize"))
        .get()
        .extracting(ModelPolicy::source)
        .isEqualTo("default");

    ModelPolicy stored =
        policies.put(
            "summarize", "anthropic", "claude-3-5-haiku", new BigDecimal("0.25"), 7, "copilot");
    ModelPolicy inferred =
        policies.put("migrate-tests", null, "gpt-4o", new BigDecimal("3"), 9, "copilot");

    assertThat(stored.source()).isEqualTo("stored");
    assertThat(policies.policy("summarize")).contains(stored);
    assertThat(inferred.provider()).isEqualTo("copilot");
    assertThat(policies.policies())
        .filteredOn(p -> p.task().equals("summarize"))
        .containsExactly(stored);
    ModelPolicy replaced =
        policies.put("summarize", "openai", "gpt-4.1-mini", new BigDecimal("0.4"), 7, "copilot");
    assertThat(policies.policy("summarize")).contains(replaced);

    assertThat(policies.delete("summarize"))
        .get()
        .extracting(ModelPolicy::model)
        .isEqualTo("gpt-4o-mini");
    assertThat(policies.policy("summarize"))
        .get()
        .extracting(ModelPolicy::source)
        .isEqualTo("default");
    assertThat(policies.delete("migrate-tests")).isEmpty();
    assertThat(policies.policy("migrate-tests")).isEmpty();
    assertThatThrownBy(() -> policies.delete("summarize"))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(FinOpsException.Kind.NOT_FOUND);
              assertThat(e.getMessage()).contains("shipped default cannot be deleted");
            });
  }

  @Test
  void aPolicyIsValidatedFieldByField() {
    assertThatThrownBy(
            () -> policies.put("Bad Task", "acme", "gpt-9", new BigDecimal("-1"), 5000, "copilot"))
        .isInstanceOfSatisfying(
            FinOpsException.class,
            e ->
                assertThat(e.reasons())
                    .satisfiesExactly(
                        r -> assertThat(r).contains("'task' is required"),
                        r -> assertThat(r).contains("unknown provider 'acme'"),
                        r -> assertThat(r).contains("unknown model 'gpt-9'"),
                        r -> assertThat(r).contains("'budgetCeiling' must be more than 0"),
                        r -> assertThat(r).contains("'priority' must be from 0 to 1000")));
    assertThatThrownBy(
            () -> policies.put("review", "openai", "claude-sonnet-4", BigDecimal.ONE, 1, "copilot"))
        .hasMessageContaining("unknown model 'claude-sonnet-4' for provider 'openai'");
    assertThatThrownBy(() -> policies.put("review", null, null, null, null, "copilot"))
        .isInstanceOfSatisfying(FinOpsException.class, e -> assertThat(e.reasons()).hasSize(3));
  }

  private List<Integer> firedFor(BudgetScope scope) {
    synchronized (fired) {
      return fired.stream()
          .filter(a -> a.scope().equals(scope.value()) && a.period().equals("2026-11"))
          .map(BudgetAlert::threshold)
          .toList();
    }
  }

  private List<String> events(String stream) throws Exception {
    try (Connection c = testDatabase.dataSource().getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT id, type FROM evidence_events WHERE stream = ? ORDER BY seq")) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        List<String> events = new ArrayList<>();
        while (rows.next()) {
          events.add(rows.getString(1) + " " + rows.getString(2));
        }
        return events;
      }
    }
  }

  private int countHolds(String scope) throws Exception {
    try (Connection c = testDatabase.dataSource().getConnection();
        PreparedStatement query =
            c.prepareStatement("SELECT COUNT(*) FROM budget_reservation_scopes WHERE scope = ?")) {
      query.setString(1, scope);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
