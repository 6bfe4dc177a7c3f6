package com.acme.billing;

import com.acme.util.MoneyUtils;
import java.util.ArrayList;
import java.util.List;

/** An invoice: numbered line items and what they add up to. */
public class Invoice {

  private final String number;
  private final List<String> lines = new ArrayList<>();
  private long totalCents;

  public Invoice(String number) {
    this.number = number;
  }

  /** Adds {@code quantity} units of {@code item} at {@code unitCents} each. */
  public Invoice add(String item, int quantity, long unitCents) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive, got " + quantity);
    }
    long lineCents = quantity * unitCents;
    lines.add(
        quantity
            + " x "
            + item
            + " @ "
            + MoneyUtils.format(unitCents)
            + " = "
            + MoneyUtils.format(lineCents));
    totalCents += lineCents;
    return this;
  }

  public long totalCents() {
    return totalCents;
  }

  public String render() {
    StringBuilder out = new StringBuilder("Invoice ").append(number).append('\n');
    for (int i = 0; i < lines.size(); i++) {
      out.append(i + 1).append(". ").append(lines.get(i)).append('\n');
    }
    return out.append("Total ").append(MoneyUtils.format(totalCents)).toString();
  }
}
