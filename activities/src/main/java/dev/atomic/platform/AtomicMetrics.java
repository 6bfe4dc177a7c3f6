package dev.atomic.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.Locale;

/**
 * The platform's own meters, one method per thing that happens. Their Prometheus names (the
 * registry appends the unit and {@code _total}) are listed in docs/operations.md; the Grafana
 * dashboard and the alert rules under docs/ read them by those names.
 *
 * <p>Counters count where the work happens, so each process reports what it did: the API its
 * preflights and evidence posts, the workers their activities. Gauges read from the database are in
 * {@link PlatformGauges}.
 */
public final class AtomicMetrics {

  public static final String GATEWAY_REQUESTS = "atomic.gateway.requests";
  public static final String GATEWAY_PREFLIGHT = "atomic.gateway.preflight";
  public static final String GATEWAY_REDACTIONS = "atomic.gateway.redactions";
  public static final String GATEWAY_VIOLATIONS = "atomic.gateway.policy.violations";
  public static final String CHECKPOINT_DECISION = "atomic.mission.checkpoint.decision";
  public static final String ROLLBACKS = "atomic.mission.rollbacks";
  public static final String VERIFICATIONS = "atomic.verification.runs";
  public static final String MUTATION_SCORE = "atomic.verification.mutation.score";
  public static final String DTE_ERRORS = "atomic.dte.transformation.errors";
  public static final String SPEND = "atomic.finops.spend";
  public static final String MISSION_COST = "atomic.finops.mission.cost";
  public static final String FORECAST_RATIO = "atomic.finops.forecast.ratio";
  public static final String EVIDENCE_EVENTS = "atomic.evidence.events";
  public static final String EVIDENCE_EXPORTS = "atomic.evidence.exports";

  private final MeterRegistry registry;

  public AtomicMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that record nothing: for tools and tests that do not report. */
  public static AtomicMetrics none() {
    return new AtomicMetrics(new CompositeMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * One preflight check.
   *
   * @param route where it came from: {@code api} ({@code POST /gateway/preflight}) or {@code
   *     activity} (a workflow's step)
   * @param ok false when the content was refused
   */
  public void preflight(String route, boolean ok, Duration latency) {
    Counter.builder(GATEWAY_REQUESTS)
        .description("Preflight checks, by route and outcome")
        .tag("route", route)
        .tag("outcome", ok ? "ok" : "refused")
        .register(registry)
        .increment();
    Timer.builder(GATEWAY_PREFLIGHT)
        .description("Preflight latency (the runbook's target: p95 at most 80 ms)")
        .tag("route", route)
        .publishPercentileHistogram()
        .serviceLevelObjectives(Duration.ofMillis(80))
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)
        .record(latency);
  }

  /** One value redacted, by its kind ({@code secret}, {@code pii}, {@code proprietary}). */
  public void redaction(String type) {
    Counter.builder(GATEWAY_REDACTIONS)
        .description("Values redacted by the gateway, by kind")
        .tag("type", type)
        .register(registry)
        .increment();
  }

  /** One policy the content broke, by rule ({@code secret_blocked}, {@code max_request_size}…). */
  public void violation(String rule, String severity) {
    Counter.builder(GATEWAY_VIOLATIONS)
        .description("Gateway policy violations, by rule")
        .tag("rule", rule)
        .tag("severity", severity)
        .register(registry)
        .increment();
  }

  /**
   * A human decided a checkpoint.
   *
   * @param waited from the checkpoint's opening to the decision; null when the opening is unknown
   */
  public void checkpointDecided(String checkpoint, String verdict, Duration waited) {
    Timer timer =
        Timer.builder(CHECKPOINT_DECISION)
            .description("Time from a checkpoint's opening to a human's decision")
            .tag("checkpoint", checkpoint)
            .tag("verdict", verdict)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofSeconds(1))
            .maximumExpectedValue(Duration.ofDays(7))
            .register(registry);
    if (waited != null && !waited.isNegative()) {
      timer.record(waited);
    }
  }

  /** One rollback, of a batch and the batches that depend on it. */
  public void rollback() {
    Counter.builder(ROLLBACKS).description("Rollbacks applied").register(registry).increment();
  }

  /**
   * One verification of a change.
   *
   * @param mutationScore PIT's detected / total mutants (0–1); null when PIT computed none
   */
  public void verification(boolean passed, Double mutationScore) {
    Counter.builder(VERIFICATIONS)
        .description("Verifications, by outcome")
        .tag("outcome", passed ? "passed" : "failed")
        .register(registry)
        .increment();
    if (mutationScore != null) {
      DistributionSummary.builder(MUTATION_SCORE)
          .description("Mutation score of verified changes (detected / total mutants)")
          .baseUnit("ratio")
          .serviceLevelObjectives(0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0)
          .register(registry)
          .record(mutationScore);
    }
  }

  /**
   * A DTE step refused or failed.
   *
   * @param kind {@code invalid}, {@code unsupported} or {@code refused}
   */
  public void transformationError(String step, String kind) {
    Counter.builder(DTE_ERRORS)
        .description("DTE steps that ended in an error, by step and kind")
        .tag("step", step)
        .tag("kind", kind.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }

  /** Spend committed against budgets. */
  public void spend(double usd) {
    Counter.builder(SPEND)
        .description("Spend committed against budgets")
        .baseUnit("usd")
        .register(registry)
        .increment(usd);
  }

  /**
   * A mission's spend was settled.
   *
   * @param forecastUsd its forecast (the reservation); zero when nothing was forecast
   */
  public void missionCost(double actualUsd, double forecastUsd) {
    DistributionSummary.builder(MISSION_COST)
        .description("Actual spend per mission")
        .baseUnit("usd")
        .register(registry)
        .record(actualUsd);
    if (forecastUsd > 0) {
      DistributionSummary.builder(FORECAST_RATIO)
          .description("Actual spend / forecast per mission (1 is a perfect forecast)")
          .serviceLevelObjectives(0.5, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0)
          .register(registry)
          .record(actualUsd / forecastUsd);
    }
  }

  /**
   * Evidence events stored.
   *
   * @param source {@code workflow} (mission and budget events) or {@code api} ({@code POST
   *     /evidence/events})
   */
  public void evidenceEvents(String source, int count) {
    if (count > 0) {
      Counter.builder(EVIDENCE_EVENTS)
          .description("Evidence events stored, by source")
          .tag("source", source)
          .register(registry)
          .increment(count);
    }
  }

  /**
   * One audit pack generated.
   *
   * @param trigger {@code api} ({@code POST /evidence/export}) or {@code mission} (finalize)
   */
  public void evidenceExport(String trigger) {
    Counter.builder(EVIDENCE_EXPORTS)
        .description("Audit packs generated, by trigger")
        .tag("trigger", trigger)
        .register(registry)
        .increment();
  }
}
