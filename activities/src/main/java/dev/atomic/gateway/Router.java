package dev.atomic.gateway;

import dev.atomic.finops.ModelCatalog;
import dev.atomic.finops.ModelPolicy;
import dev.atomic.finops.ModelPrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the provider and model for a task: the task's model policy first (on the caller's
 * preferred provider when it offers that model, then on the others that do), then the other priced
 * models from the cheapest up. A candidate is skipped when its provider is disabled, when the
 * caller's budget cannot meet the policy's ceiling, or when its estimated cost is over the ceiling
 * or the budget; every fallback is checked against the budget again.
 */
public final class Router {

  /** Tokens of a request when the caller does not say: a migration batch of a few files. */
  public static final long DEFAULT_INPUT_TOKENS = 4_000;

  public static final long DEFAULT_OUTPUT_TOKENS = 1_200;

  private final ModelCatalog catalog;
  private final GatewayPolicy policy;

  public Router(ModelCatalog catalog, GatewayPolicy policy) {
    this.catalog = catalog;
    this.policy = policy;
  }

  /**
   * @param budget the most the caller will spend on this request, in USD; null for no limit
   * @param preferredProvider null for none
   */
  public record RouteRequest(
      String task,
      BigDecimal budget,
      String preferredProvider,
      Long inputTokens,
      Long outputTokens) {}

  /**
   * The chosen route.
   *
   * @param policyApplied the task whose policy chose the model, or {@code none}
   * @param route {@code policy} when the policy's model was used, {@code fallback} otherwise
   * @param estimatedCost of a request of {@code inputTokens} in and {@code outputTokens} out
   * @param skipped candidates tried before this one, and why each was passed over
   */
  public record Route(
      String provider,
      String model,
      String policyApplied,
      String route,
      BigDecimal estimatedCost,
      long inputTokens,
      long outputTokens,
      String reason,
      List<Skipped> skipped) {}

  public record Skipped(String provider, String model, String reason) {}

  /** No candidate fits; {@link #skipped()} says why for each. */
  public static final class NoRouteException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Skipped> skipped;

    NoRouteException(String message, List<Skipped> skipped) {
      super(message);
      this.skipped = List.copyOf(skipped);
    }

    public List<Skipped> skipped() {
      return skipped;
    }
  }

  private record Candidate(String provider, String model, boolean fromPolicy) {}

  /**
   * @throws IllegalArgumentException for an unknown preferred provider or a negative budget or
   *     token count
   * @throws NoRouteException when nothing fits
   */
  public Route route(RouteRequest request) {
    String preferred =
        request.preferredProvider() == null ? null : Providers.require(request.preferredProvider());
    if (request.budget() != null && request.budget().signum() < 0) {
      throw new IllegalArgumentException("budget must not be negative");
    }
    long in = tokens(request.inputTokens(), DEFAULT_INPUT_TOKENS, "inputTokens");
    long out = tokens(request.outputTokens(), DEFAULT_OUTPUT_TOKENS, "outputTokens");
    Optional<ModelPolicy> taskPolicy = catalog.policy(request.task());
    List<Skipped> skipped = new ArrayList<>();
    for (Candidate candidate : candidates(taskPolicy, preferred, in, out)) {
      String refusal = refusal(candidate, taskPolicy, request.budget(), in, out);
      if (refusal != null) {
        skipped.add(new Skipped(candidate.provider(), candidate.model(), refusal));
        continue;
      }
      BigDecimal cost = catalog.price(candidate.provider(), candidate.model()).cost(in, out);
      String reason =
          taskPolicy
              .map(
                  p ->
                      candidate.fromPolicy()
                          ? "policy of task "
                              + p.task()
                              + " ("
                              + p.source()
                              + "): "
                              + candidate.model()
                              + " within the ceiling of "
                              + p.budgetCeiling()
                              + " USD"
                          : "fallback: the cheapest model that fits after "
                              + skipped.size()
                              + " candidate(s) were passed over")
              .orElse(
                  "no policy for task "
                      + request.task()
                      + ": "
                      + (candidate.provider().equals(preferred)
                          ? "the preferred provider's default model"
                          : "the cheapest model that fits"));
      return new Route(
          candidate.provider(),
          candidate.model(),
          taskPolicy.map(ModelPolicy::task).orElse("none"),
          candidate.fromPolicy() ? "policy" : "fallback",
          cost,
          in,
          out,
          reason,
          skipped);
    }
    throw new NoRouteException(
        "no provider and model fit task "
            + request.task()
            + (request.budget() == null ? "" : " within a budget of " + request.budget() + " USD"),
        skipped);
  }

  private List<Candidate> candidates(
      Optional<ModelPolicy> taskPolicy, String preferred, long in, long out) {
    Set<Candidate> ordered = new LinkedHashSet<>();
    if (taskPolicy.isPresent()) {
      String model = taskPolicy.get().model();
      List<String> offering = catalog.providersOf(model);
      if (preferred != null && offering.contains(preferred)) {
        ordered.add(new Candidate(preferred, model, true));
      }
      ordered.add(new Candidate(taskPolicy.get().provider(), model, true));
      offering.forEach(provider -> ordered.add(new Candidate(provider, model, true)));
    } else if (preferred != null) {
      ordered.add(new Candidate(preferred, catalog.defaultModel(preferred), false));
    }
    catalog.models().stream()
        .sorted(
            Comparator.comparing((ModelPrice p) -> p.cost(in, out))
                .thenComparing(p -> !p.provider().equals(preferred))
                .thenComparing(ModelPrice::provider)
                .thenComparing(ModelPrice::model))
        .forEach(
            p -> {
              Candidate asPolicy = new Candidate(p.provider(), p.model(), true);
              if (!ordered.contains(asPolicy)) {
                ordered.add(new Candidate(p.provider(), p.model(), false));
              }
            });
    return List.copyOf(ordered);
  }

  private String refusal(
      Candidate candidate, Optional<ModelPolicy> taskPolicy, BigDecimal budget, long in, long out) {
    GatewayPolicy.ProviderPolicy provider = policy.providers().get(candidate.provider());
    if (provider != null && !provider.enabled()) {
      return "provider disabled";
    }
    BigDecimal cost = catalog.price(candidate.provider(), candidate.model()).cost(in, out);
    if (taskPolicy.isPresent()) {
      BigDecimal ceiling = taskPolicy.get().budgetCeiling();
      if (candidate.fromPolicy() && budget != null && budget.compareTo(ceiling) < 0) {
        return "the budget of "
            + budget
            + " USD cannot meet the policy ceiling of "
            + ceiling
            + " USD";
      }
      if (cost.compareTo(ceiling) > 0) {
        return "estimated " + cost + " USD is over the policy ceiling of " + ceiling + " USD";
      }
    }
    if (budget != null && cost.compareTo(budget) > 0) {
      return "estimated " + cost + " USD is over the budget of " + budget + " USD";
    }
    return null;
  }

  private static long tokens(Long value, long fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative");
    }
    return value;
  }
}
