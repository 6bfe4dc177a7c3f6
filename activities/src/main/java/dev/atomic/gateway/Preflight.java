package dev.atomic.gateway;

import dev.atomic.platform.AtomicMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks content before it leaves for an AI provider: the size limit, the provider's enablement,
 * then redaction of secrets, personal data and proprietary markers. A secret sent to a provider in
 * {@code block} mode refuses the content. Thread-safe; build once per policy.
 */
public final class Preflight {

  private final GatewayPolicy policy;
  private final RedactionEngine engine;
  private final AtomicMetrics metrics;

  /**
   * @throws IllegalArgumentException when a custom pattern is not valid RE2
   */
  public Preflight(GatewayPolicy policy) {
    this(policy, AtomicMetrics.none());
  }

  /**
   * @param metrics counts each check, its latency, redactions by kind and violations by rule
   * @throws IllegalArgumentException when a custom pattern is not valid RE2
   */
  public Preflight(GatewayPolicy policy, AtomicMetrics metrics) {
    this.policy = policy;
    this.engine = new RedactionEngine(policy.redactionConfig());
    this.metrics = metrics;
  }

  public GatewayPolicy policy() {
    return policy;
  }

  public RedactionEngine engine() {
    return engine;
  }

  /**
   * @param provider the destination; null when the caller does not say
   * @throws IllegalArgumentException for an unknown provider, listing the known ones
   */
  public PreflightResult check(String content, String provider) {
    return check(content, provider, "direct");
  }

  /**
   * @param route who asks, for the metrics: {@code api} or {@code activity}
   * @throws IllegalArgumentException for an unknown provider, listing the known ones
   */
  public PreflightResult check(String content, String provider, String route) {
    long started = System.nanoTime();
    PreflightResult result = checked(content, provider);
    metrics.preflight(route, result.ok(), Duration.ofNanos(System.nanoTime() - started));
    result.redactions().forEach(r -> metrics.redaction(r.type()));
    result.violations().forEach(v -> metrics.violation(v.rule(), v.severity()));
    return result;
  }

  private PreflightResult checked(String content, String provider) {
    String destination =
        provider == null || provider.isBlank() ? null : Providers.require(provider);
    GatewayPolicy.ProviderPolicy providerPolicy =
        destination == null ? null : policy.providers().get(destination);
    List<PreflightResult.Violation> violations = new ArrayList<>();
    if (providerPolicy != null && !providerPolicy.enabled()) {
      violations.add(
          new PreflightResult.Violation(
              "provider_disabled",
              "error",
              "provider "
                  + destination
                  + " is disabled ("
                  + destination.toUpperCase(java.util.Locale.ROOT)
                  + "_ENABLED=false)"));
    }
    if (content.length() > policy.maxRequestSize()) {
      violations.add(
          new PreflightResult.Violation(
              "max_request_size",
              "error",
              "content is "
                  + content.length()
                  + " characters; MAX_REQUEST_SIZE is "
                  + policy.maxRequestSize()));
      return new PreflightResult(false, violations, List.of(), null);
    }
    RedactionResult scanned = engine.scan(content);
    List<PreflightResult.RedactionView> redactions =
        scanned.redactions().stream().map(PreflightResult.RedactionView::of).toList();
    if (!redactions.isEmpty()) {
      Map<Kind, Long> counts = new EnumMap<>(Kind.class);
      scanned.redactions().forEach(r -> counts.merge(r.kind(), 1L, Long::sum));
      violations.add(
          new PreflightResult.Violation(
              "sensitive_data_detected",
              "warning",
              "redacted "
                  + counts.entrySet().stream()
                      .map(e -> e.getValue() + " " + e.getKey().wireName())
                      .collect(Collectors.joining(", "))));
      if (counts.containsKey(Kind.SECRET)
          && providerPolicy != null
          && providerPolicy.secrets() == GatewayPolicy.SecretMode.BLOCK) {
        violations.add(
            new PreflightResult.Violation(
                "secret_blocked",
                "error",
                "content with a secret is not sent to "
                    + destination
                    + " ("
                    + destination.toUpperCase(java.util.Locale.ROOT)
                    + "_SECRET_MODE=block)"));
      }
    }
    boolean ok = violations.stream().noneMatch(v -> v.severity().equals("error"));
    return new PreflightResult(
        ok, violations, redactions, redactions.isEmpty() ? null : scanned.sanitized());
  }
}
