package dev.atomic.finops;

import java.math.BigDecimal;
import java.util.List;

/**
 * A budget in its current period, as {@code GET /finops/budget} shows it.
 *
 * @param remaining total less consumed and reserved, never below zero
 * @param breached true once consumption is past the total
 * @param thresholds percentages that fire an alert, once per period
 * @param alertsFired thresholds that fired in this period
 */
public record Budget(
    String scope,
    String period,
    String reset,
    BigDecimal total,
    BigDecimal consumed,
    BigDecimal reserved,
    BigDecimal remaining,
    boolean breached,
    List<Integer> thresholds,
    List<Integer> alertsFired) {

  public Budget {
    total = Money.plain(total);
    consumed = Money.plain(consumed);
    reserved = Money.plain(reserved);
    remaining = Money.plain(remaining);
    thresholds = List.copyOf(thresholds);
    alertsFired = List.copyOf(alertsFired);
  }
}
