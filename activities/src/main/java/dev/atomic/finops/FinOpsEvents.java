package dev.atomic.finops;

/**
 * Evidence event types of budgets, in streams {@code budget:<scope>}; the 100 % alert is the
 * original system's {@code BudgetBreached}.
 */
public final class FinOpsEvents {
  public static final String THRESHOLD_REACHED = "BudgetThresholdReached";
  public static final String BUDGET_SET = "BudgetSet";
  public static final String ACTOR = "finops";

  private FinOpsEvents() {}
}
