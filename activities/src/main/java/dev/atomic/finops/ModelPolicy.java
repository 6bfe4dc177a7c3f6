package dev.atomic.finops;

import java.math.BigDecimal;

/**
 * Which model serves a task.
 *
 * @param budgetCeiling the most, in USD, one routed request of this task may cost
 * @param priority order among policies, lower first
 * @param source {@code stored} (set with PUT) or {@code default} (shipped)
 */
public record ModelPolicy(
    String task,
    String provider,
    String model,
    BigDecimal budgetCeiling,
    int priority,
    String source) {

  public static final String STORED = "stored";
  public static final String DEFAULT = "default";

  public ModelPolicy {
    budgetCeiling = Money.plain(budgetCeiling);
  }
}
