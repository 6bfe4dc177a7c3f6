package dev.atomic.finops;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * FinOps configuration ({@code atomic.finops.*}, set by the environment variables in
 * docs/configuration.md). Missing values take the documented defaults.
 *
 * @param defaultBudgetUsd total of the global budget until one is set ({@code DEFAULT_BUDGET_USD})
 * @param globalReset how often the global budget starts afresh
 * @param alertThresholds percentages of a budget whose consumption fires an alert, once per period
 * @param webhookUrl where alerts are posted ({@code BUDGET_BREACH_WEBHOOK_URL}); blank: none
 * @param prices a YAML file whose entries replace or extend the shipped price table; blank: none
 * @param defaultProvider the provider a forecast uses when the request names none
 * @param tokensPerFile assumed size of one file when a forecast has no tree to read
 * @param filesPerGlob assumed number of files a glob or directory selects without a tree
 * @param outputRatio expected output tokens per input token of the files in scope
 */
@ConfigurationProperties("atomic.finops")
public record FinOpsSettings(
    BigDecimal defaultBudgetUsd,
    ResetPeriod globalReset,
    List<Integer> alertThresholds,
    String webhookUrl,
    Duration webhookTimeout,
    String prices,
    String defaultProvider,
    Integer tokensPerFile,
    Integer filesPerGlob,
    BigDecimal outputRatio) {

  public static final BigDecimal DEFAULT_BUDGET_USD = new BigDecimal("100");
  public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

  public FinOpsSettings {
    defaultBudgetUsd =
        Money.requireAmount(
            "DEFAULT_BUDGET_USD", defaultBudgetUsd == null ? DEFAULT_BUDGET_USD : defaultBudgetUsd);
    globalReset = globalReset == null ? ResetPeriod.MONTHLY : globalReset;
    alertThresholds =
        thresholds(
            alertThresholds == null || alertThresholds.isEmpty()
                ? DEFAULT_THRESHOLDS
                : alertThresholds);
    webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
    webhookTimeout = webhookTimeout == null ? Duration.ofSeconds(10) : webhookTimeout;
    prices = prices == null || prices.isBlank() ? null : prices.strip();
    defaultProvider =
        defaultProvider == null || defaultProvider.isBlank() ? "copilot" : defaultProvider.strip();
    tokensPerFile = tokensPerFile == null ? 1000 : positive("tokens-per-file", tokensPerFile);
    filesPerGlob = filesPerGlob == null ? 50 : positive("files-per-glob", filesPerGlob);
    outputRatio = outputRatio == null ? new BigDecimal("0.3") : outputRatio;
    if (outputRatio.signum() < 0 || outputRatio.compareTo(BigDecimal.TEN) > 0) {
      throw new IllegalArgumentException(
          "atomic.finops.output-ratio must be between 0 and 10, got " + outputRatio);
    }
  }

  /** Every setting at its default. */
  public static FinOpsSettings defaults() {
    return new FinOpsSettings(null, null, null, null, null, null, null, null, null, null);
  }

  public FinOpsSettings withWebhookUrl(String url) {
    return new FinOpsSettings(
        defaultBudgetUsd,
        globalReset,
        alertThresholds,
        url,
        webhookTimeout,
        prices,
        defaultProvider,
        tokensPerFile,
        filesPerGlob,
        outputRatio);
  }

  public FinOpsSettings withPrices(String file) {
    return new FinOpsSettings(
        defaultBudgetUsd,
        globalReset,
        alertThresholds,
        webhookUrl,
        webhookTimeout,
        file,
        defaultProvider,
        tokensPerFile,
        filesPerGlob,
        outputRatio);
  }

  private static List<Integer> thresholds(List<Integer> values) {
    TreeSet<Integer> sorted = new TreeSet<>();
    for (Integer value : values) {
      if (value == null || value < 1 || value > 1000) {
        throw new IllegalArgumentException(
            "alert thresholds are percentages from 1 to 1000, got " + values);
      }
      sorted.add(value);
    }
    return List.copyOf(sorted);
  }

  private static int positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(
          "atomic.finops." + name + " must be at least 1, got " + value);
    }
    return value;
  }
}
