package dev.atomic.finops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One model of one provider in the price table.
 *
 * @param inputUsdPerMillion list price of a million input tokens
 * @param outputUsdPerMillion list price of a million output tokens
 * @param p95LatencyMs a configured planning figure for one request, not a measurement
 * @param tokenizer {@code o200k_base}, {@code cl100k_base}, or {@code estimate} for models without
 *     a public tokenizer
 * @param estimateFactor for {@code estimate}: tokens are cl100k_base counts times this
 * @param pessimistic true when the model is not in the table and the configured price for unknown
 *     models stands in
 */
public record ModelPrice(
    String provider,
    String model,
    BigDecimal inputUsdPerMillion,
    BigDecimal outputUsdPerMillion,
    long contextWindow,
    long p95LatencyMs,
    String tokenizer,
    BigDecimal estimateFactor,
    boolean pessimistic) {

  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  public ModelPrice {
    inputUsdPerMillion = Money.plain(inputUsdPerMillion);
    outputUsdPerMillion = Money.plain(outputUsdPerMillion);
    estimateFactor = estimateFactor == null ? BigDecimal.ONE : estimateFactor;
  }

  /** What {@code input} tokens in and {@code output} tokens out cost, to the micro-dollar. */
  public BigDecimal cost(long input, long output) {
    BigDecimal in = inputUsdPerMillion.multiply(BigDecimal.valueOf(input));
    BigDecimal out = outputUsdPerMillion.multiply(BigDecimal.valueOf(output));
    return in.add(out).divide(MILLION, Money.SCALE, RoundingMode.HALF_UP);
  }

  /** True when tokens are counted with the model's own encoding. */
  @JsonIgnore
  public boolean exactTokens() {
    return !Tokenizers.ESTIMATE.equals(tokenizer);
  }
}
