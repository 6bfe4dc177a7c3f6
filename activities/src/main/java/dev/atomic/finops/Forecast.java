package dev.atomic.finops;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a ChangeSpec would cost before anything is spent.
 *
 * @param tokens input tokens: the spec and the files its scope selects
 * @param outputTokens expected output tokens
 * @param p95Latency milliseconds: the model's configured p95 per request times {@code requests}
 * @param basis {@code tree} (files read) or {@code scope-estimate} (no tree given)
 * @param tokenCount {@code exact} (the model's own encoding) or {@code estimate}
 * @param requests how many requests the input needs at the model's context window
 */
public record Forecast(
    BigDecimal usdEstimate,
    long tokens,
    long outputTokens,
    long totalTokens,
    long p95Latency,
    String provider,
    String model,
    String basis,
    int files,
    String tokenizer,
    String tokenCount,
    int requests,
    long contextWindow,
    Prices prices,
    List<String> notes) {

  public static final String TREE = "tree";
  public static final String SCOPE_ESTIMATE = "scope-estimate";

  public Forecast {
    usdEstimate = Money.plain(usdEstimate);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** The prices the estimate used. */
  public record Prices(
      BigDecimal inputUsdPerMillion,
      BigDecimal outputUsdPerMillion,
      String asOf,
      boolean pessimistic) {}
}
