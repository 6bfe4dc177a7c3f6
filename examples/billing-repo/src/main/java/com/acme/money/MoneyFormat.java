package com.acme.money;

import java.util.Locale;

/** How amounts of money are written for people. */
public final class MoneyFormat {

  private MoneyFormat() {}

  /** An amount of cents as dollars, e.g. 1234 as {@code $12.34} and -1234 as {@code -$12.34}. */
  public static String format(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return String.format(Locale.ROOT, "%s$%d.%02d", sign, abs / 100, abs % 100);
  }
}
