package dev.atomic.finops;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.finops.BudgetRepository.Definition;
import dev.atomic.finops.BudgetRepository.Usage;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Budgets in the database: the global budget (total {@code DEFAULT_BUDGET_USD} until one is set),
 * mission budgets and team budgets, each counted per period. A change that makes consumption reach
 * a threshold hands the alert to the {@link AlertSink}.
 */
public final class Budgets {

  /** A budget, opened in the period of now. */
  record Opened(Definition definition, String period) {}

  private record Result(Budget budget, List<BudgetAlert> due) {}

  private final Database database;
  private final FinOpsSettings settings;
  private final Clock clock;
  private final AlertSink alerts;
  private final BudgetRepository budgets = new BudgetRepository();
  private final BudgetEvidence evidence;

  /** Budget events pass the built-in secret redactor. */
  public Budgets(Database database, FinOpsSettings settings, Clock clock, AlertSink alerts) {
    this(database, settings, clock, alerts, SecretRedactor.builtIn());
  }

  /** Budget events pass {@code redactor} before they are stored and hashed. */
  public Budgets(
      Database database,
      FinOpsSettings settings,
      Clock clock,
      AlertSink alerts,
      EvidenceRedactor redactor) {
    this.evidence = new BudgetEvidence(redactor);
    this.database = database;
    this.settings = settings;
    this.clock = clock;
    this.alerts = alerts;
  }

  /**
   * A budget in its current period. Thresholds reached but not yet recorded are fired again.
   *
   * @throws FinOpsException NOT_FOUND for a mission or team budget that was never set
   */
  public Budget get(BudgetScope scope) {
    Instant now = clock.instant();
    return fired(
        tx(
            c -> {
              Opened opened = open(c, scope, now);
              Usage usage = usage(c, scope, opened.period(), false);
              return new Result(view(c, opened, usage), due(c, usage, now));
            }));
  }

  /** Every budget that was set, and the global one, in their current periods, by scope. */
  public List<Budget> list() {
    Instant now = clock.instant();
    List<String> scopes =
        tx(
            c -> {
              open(c, BudgetScope.GLOBAL, now);
              List<String> all = new ArrayList<>();
              try (PreparedStatement query =
                      c.prepareStatement("SELECT scope FROM budgets ORDER BY scope");
                  ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                  all.add(rows.getString(1));
                }
              }
              return all;
            });
    List<Budget> list = new ArrayList<>();
    for (String scope : scopes) {
      list.add(get(new BudgetScope(scope)));
    }
    return list;
  }

  /**
   * Adds spend that happened to a budget (the runbook's {@code POST /finops/budget}); it is
   * recorded even past the total.
   */
  public Budget consume(BudgetScope scope, BigDecimal usd) {
    BigDecimal amount = Money.requireAmount("consumed", usd);
    Instant now = clock.instant();
    return fired(
        tx(
            c -> {
              Opened opened = open(c, scope, now);
              usage(c, scope, opened.period(), true);
              budgets.settle(c, scope.value(), opened.period(), BigDecimal.ZERO, amount, now);
              Usage after = usage(c, scope, opened.period(), false);
              return new Result(view(c, opened, after), due(c, after, now));
            }));
  }

  /**
   * Sets a budget's total and, optionally, its reset period (PUT); records a {@code BudgetSet}
   * event in the budget's evidence stream.
   *
   * @param reset null keeps the budget's period, or takes the scope's default for a new one
   */
  public Budget define(BudgetScope scope, BigDecimal total, ResetPeriod reset) {
    BigDecimal amount = Money.requireAmount("total", total);
    Instant now = clock.instant();
    return fired(
        tx(
            c -> {
              Definition before = budgets.definition(c, scope.value(), true).orElse(null);
              ResetPeriod period =
                  reset != null
                      ? reset
                      : before != null
                          ? before.reset()
                          : scope.isGlobal() ? settings.globalReset() : scope.defaultReset();
              Definition definition = new Definition(scope, amount, period, true);
              if (before != null || !budgets.insertDefinition(c, definition, now)) {
                budgets.definition(c, scope.value(), true);
                budgets.updateDefinition(c, definition, now);
              }
              String name = period.periodOf(now);
              budgets.ensurePeriod(c, scope.value(), name, amount, now);
              budgets.setPeriodTotal(c, scope.value(), name, amount, now);
              Map<String, Object> data = new LinkedHashMap<>();
              data.put("scope", scope.value());
              data.put("total", Money.text(amount));
              data.put("reset", period.wire());
              data.put("period", name);
              if (before != null) {
                data.put("previousTotal", Money.text(before.total()));
              }
              evidence.append(c, scope, FinOpsEvents.BUDGET_SET, now.toString(), data);
              Opened opened = new Opened(definition, name);
              Usage usage = usage(c, scope, name, false);
              return new Result(view(c, opened, usage), due(c, usage, now));
            }));
  }

  /**
   * Opens a budget in the period of {@code now}: creates the global budget on first use and keeps
   * it at {@code DEFAULT_BUDGET_USD} until a total is set, and creates the period's row.
   */
  Opened open(Connection c, BudgetScope scope, Instant now) throws SQLException {
    Definition definition = budgets.definition(c, scope.value(), false).orElse(null);
    if (definition == null) {
      if (!scope.isGlobal()) {
        throw FinOpsException.notFound(
            "no budget for " + scope + "; set one with PUT /finops/budgets/" + scope);
      }
      definition =
          new Definition(scope, settings.defaultBudgetUsd(), settings.globalReset(), false);
      if (!budgets.insertDefinition(c, definition, now)) {
        definition = budgets.definition(c, scope.value(), false).orElseThrow();
      }
    }
    boolean followDefault =
        scope.isGlobal()
            && !definition.explicit()
            && (definition.total().compareTo(settings.defaultBudgetUsd()) != 0
                || definition.reset() != settings.globalReset());
    if (followDefault) {
      definition =
          new Definition(scope, settings.defaultBudgetUsd(), settings.globalReset(), false);
      budgets.updateDefinition(c, definition, now);
    }
    String period = definition.reset().periodOf(now);
    budgets.ensurePeriod(c, scope.value(), period, definition.total(), now);
    if (followDefault) {
      budgets.setPeriodTotal(c, scope.value(), period, definition.total(), now);
    }
    return new Opened(definition, period);
  }

  /** True when a budget for {@code scope} was set (the global one always exists). */
  boolean exists(Connection c, BudgetScope scope) throws SQLException {
    return scope.isGlobal() || budgets.definition(c, scope.value(), false).isPresent();
  }

  Usage usage(Connection c, BudgetScope scope, String period, boolean forUpdate)
      throws SQLException {
    return budgets
        .usage(c, scope.value(), period, forUpdate)
        .orElseThrow(() -> new SQLException("budget " + scope + " has no period " + period));
  }

  /** Thresholds that consumption has reached in the period and that have not been recorded. */
  List<BudgetAlert> due(Connection c, Usage usage, Instant now) throws SQLException {
    List<Integer> fired = budgets.firedThresholds(c, usage.scope(), usage.period());
    List<BudgetAlert> due = new ArrayList<>();
    for (int threshold : settings.alertThresholds()) {
      if (reached(usage, threshold) && !fired.contains(threshold)) {
        due.add(
            BudgetAlert.of(
                usage.scope(),
                usage.period(),
                threshold,
                usage.total(),
                usage.consumed(),
                usage.reserved(),
                now.toString()));
      }
    }
    return due;
  }

  void fire(List<BudgetAlert> due) {
    if (!due.isEmpty()) {
      alerts.fire(due);
    }
  }

  /**
   * Consumption at or past {@code threshold} % of the total; nothing is reached by spending
   * nothing.
   */
  static boolean reached(Usage usage, int threshold) {
    return usage.consumed().signum() > 0
        && usage
                .consumed()
                .multiply(BigDecimal.valueOf(100))
                .compareTo(usage.total().multiply(BigDecimal.valueOf(threshold)))
            >= 0;
  }

  private Budget view(Connection c, Opened opened, Usage usage) throws SQLException {
    return new Budget(
        opened.definition().scope().value(),
        opened.period(),
        opened.definition().reset().wire(),
        usage.total(),
        usage.consumed(),
        usage.reserved(),
        usage.remaining(),
        usage.consumed().compareTo(usage.total()) > 0,
        settings.alertThresholds(),
        budgets.firedThresholds(c, usage.scope(), usage.period()));
  }

  private Budget fired(Result result) {
    fire(result.due());
    return result.budget();
  }

  private <T> T tx(Database.Work<T> work) {
    return StoreUnavailableException.call("budget", () -> database.inTransaction(work));
  }
}
