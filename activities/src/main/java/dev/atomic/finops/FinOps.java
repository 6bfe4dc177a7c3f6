package dev.atomic.finops;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Database;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;

/** The FinOps engines wired together, for the API, the workers, the CLI and tests. */
public final class FinOps {

  private final FinOpsSettings settings;
  private final PriceTable prices;
  private final ModelPolicies policies;
  private final Forecaster forecaster;
  private final Budgets budgets;
  private final Reservations reservations;
  private final AlertStore alerts;
  private final BudgetWebhook webhook;

  private FinOps(
      FinOpsSettings settings,
      Database database,
      AlertSink sink,
      Clock clock,
      EvidenceRedactor redactor,
      AtomicMetrics metrics) {
    this.settings = settings;
    this.prices = PriceTable.load(settings.prices() == null ? null : Path.of(settings.prices()));
    this.policies = new ModelPolicies(database, prices, clock);
    this.forecaster = new Forecaster(policies, new TokenCounter(), settings);
    this.budgets = new Budgets(database, settings, clock, sink, redactor);
    this.reservations = new Reservations(database, budgets, clock, metrics);
    this.alerts = new AlertStore(database, clock, redactor);
    this.webhook = new BudgetWebhook(settings.webhookUrl(), settings.webhookTimeout());
  }

  /**
   * @throws IllegalArgumentException when the price override or webhook URL is wrong
   */
  public static FinOps create(
      FinOpsSettings settings, DataSource dataSource, AlertSink sink, Clock clock) {
    return create(settings, dataSource, sink, clock, SecretRedactor.builtIn());
  }

  /**
   * FinOps whose budget and alert events pass {@code redactor}, the one every other event passes.
   *
   * @throws IllegalArgumentException when the price override or webhook URL is wrong
   */
  public static FinOps create(
      FinOpsSettings settings,
      DataSource dataSource,
      AlertSink sink,
      Clock clock,
      EvidenceRedactor redactor) {
    return create(settings, dataSource, sink, clock, redactor, AtomicMetrics.none());
  }

  /**
   * FinOps whose events pass {@code redactor} and whose committed spend is counted in {@code
   * metrics}.
   *
   * @throws IllegalArgumentException when the price override or webhook URL is wrong
   */
  public static FinOps create(
      FinOpsSettings settings,
      DataSource dataSource,
      AlertSink sink,
      Clock clock,
      EvidenceRedactor redactor,
      AtomicMetrics metrics) {
    return new FinOps(settings, new Database(dataSource), sink, clock, redactor, metrics);
  }

  public FinOpsSettings settings() {
    return settings;
  }

  public PriceTable prices() {
    return prices;
  }

  /** Prices and policies, for code that picks a model. */
  public ModelCatalog catalog() {
    return policies;
  }

  public ModelPolicies policies() {
    return policies;
  }

  public Forecaster forecaster() {
    return forecaster;
  }

  public Budgets budgets() {
    return budgets;
  }

  public Reservations reservations() {
    return reservations;
  }

  public AlertStore alerts() {
    return alerts;
  }

  public BudgetWebhook webhook() {
    return webhook;
  }
}
