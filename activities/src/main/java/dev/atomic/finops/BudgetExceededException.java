package dev.atomic.finops;

import java.math.BigDecimal;
import java.util.List;

/** A reservation that does not fit: names the budget, what is left of it and what is missing. */
public class BudgetExceededException extends FinOpsException {

  private static final long serialVersionUID = 1L;

  private final String scope;
  private final BigDecimal remaining;
  private final BigDecimal shortfall;

  public BudgetExceededException(String scope, BigDecimal requested, BigDecimal remaining) {
    super(
        Kind.CONFLICT,
        List.of(
            "reservation of "
                + Money.text(requested)
                + " USD does not fit budget "
                + scope
                + ": remaining "
                + Money.text(remaining)
                + " USD, shortfall "
                + Money.text(requested.subtract(remaining))
                + " USD"));
    this.scope = scope;
    this.remaining = Money.plain(remaining);
    this.shortfall = Money.plain(requested.subtract(remaining));
  }

  public String scope() {
    return scope;
  }

  public BigDecimal remaining() {
    return remaining;
  }

  public BigDecimal shortfall() {
    return shortfall;
  }
}
