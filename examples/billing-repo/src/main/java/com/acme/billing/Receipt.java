package com.acme.billing;

import com.acme.util.MoneyUtils;

/** What the customer gets after paying at the till. */
public final class Receipt {

  private Receipt() {}

  /** The receipt for paying {@code paidCents} against {@code dueCents}; change is given back. */
  public static String forPayment(long dueCents, long paidCents) {
    if (paidCents < dueCents) {
      throw new IllegalArgumentException(
          "paid " + MoneyUtils.format(paidCents) + " of " + MoneyUtils.format(dueCents));
    }
    String paid = "Paid " + MoneyUtils.format(paidCents) + " for " + MoneyUtils.format(dueCents);
    long change = paidCents - dueCents;
    return change == 0 ? paid : paid + ", change " + MoneyUtils.format(change);
  }
}
