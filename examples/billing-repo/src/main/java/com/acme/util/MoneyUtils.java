package com.acme.util;

import java.util.Locale;

/** Money helpers from before the {@code com.acme.money} package existed. */
public final class MoneyUtils {

  private MoneyUtils() {}

  /**
   * An amount of cents as dollars, e.g. 1234 as {@code $12.34} and -1234 as {@code -$12.34}.
   *
   * @deprecated use {@link com.acme.money.MoneyFormat#format(long)}, which gives the same text
   */
  @Deprecated
  public static String format(long cents) {
    String sign = cents < 0 ? "-" : "";
    long abs = Math.abs(cents);
    return String.format(Locale.ROOT, "%s$%d.%02d", sign, abs / 100, abs % 100);
  }
}
