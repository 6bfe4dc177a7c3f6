package com.acme.pricing;

/** Price rules. */
public final class Discounts {

  private Discounts() {}

  /** The price after a percentage discount, never below zero. */
  public static long apply(long cents, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be between 0 and 100");
    }
    return cents - cents * percent / 100;
  }
}
