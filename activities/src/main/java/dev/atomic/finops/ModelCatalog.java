package dev.atomic.finops;

import java.util.List;
import java.util.Optional;

/**
 * Model prices and the policies that pick a model per task, for code that chooses a provider and
 * model (the gateway's routing) or prices work (forecasts).
 */
public interface ModelCatalog {

  /**
   * Policies in force, by priority then task: stored ones, and shipped defaults for other tasks.
   */
  List<ModelPolicy> policies();

  /** The policy in force for a task. */
  Optional<ModelPolicy> policy(String task);

  /**
   * The price of a provider's model.
   *
   * @throws FinOpsException UNKNOWN_MODEL listing the known providers or models (fail closed),
   *     unless a pessimistic price for unknown models is configured
   */
  ModelPrice price(String provider, String model);

  /**
   * The model a provider uses when a request names none.
   *
   * @throws FinOpsException UNKNOWN_MODEL for an unknown provider
   */
  String defaultModel(String provider);

  /** Providers that offer a model, in the order of {@link #providers()}. */
  List<String> providersOf(String model);

  /** Every priced model. */
  List<ModelPrice> models();

  /** The known providers. */
  List<String> providers();

  /** Date of the list prices. */
  String pricesAsOf();
}
