package dev.atomic.finops;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.atomic.evidence.EventTypes;
import java.math.BigDecimal;

/**
 * A threshold of a budget reached in a period: the input of the alert workflow, whose id is {@link
 * #alertId()}, so each threshold fires once per period.
 *
 * @param alertId {@code alert-<scope>-<period>-<threshold>}
 * @param threshold percentage of the total
 * @param occurredAt ISO-8601 instant of the change that reached it; the figures are as of then
 */
public record BudgetAlert(
    String alertId,
    String scope,
    String period,
    int threshold,
    BigDecimal total,
    BigDecimal consumed,
    BigDecimal reserved,
    String occurredAt) {

  /** Workflow type of the alert workflow (task queue {@code atomic-finops}). */
  public static final String WORKFLOW_TYPE = "BudgetAlertWorkflow";

  public BudgetAlert {
    total = Money.plain(total);
    consumed = Money.plain(consumed);
    reserved = Money.plain(reserved);
  }

  public static BudgetAlert of(
      String scope,
      String period,
      int threshold,
      BigDecimal total,
      BigDecimal consumed,
      BigDecimal reserved,
      String occurredAt) {
    return new BudgetAlert(
        idFor(scope, period, threshold),
        scope,
        period,
        threshold,
        total,
        consumed,
        reserved,
        occurredAt);
  }

  public static String idFor(String scope, String period, int threshold) {
    return "alert-" + scope + "-" + period + "-" + threshold;
  }

  /** {@code BudgetBreached} from 100 % on, {@code BudgetThresholdReached} below. */
  @JsonIgnore
  public String eventType() {
    return threshold >= 100 ? EventTypes.BUDGET_BREACHED : FinOpsEvents.THRESHOLD_REACHED;
  }

  /** Past the total, as the budget's {@code breached} says. */
  @JsonIgnore
  public boolean breached() {
    return consumed.compareTo(total) > 0;
  }
}
