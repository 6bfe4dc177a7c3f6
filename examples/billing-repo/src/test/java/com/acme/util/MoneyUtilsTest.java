package com.acme.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyUtilsTest {

  @Test
  @SuppressWarnings("deprecation")
  void writesCentsAsDollars() {
    assertEquals("$12.34", MoneyUtils.format(1234));
    assertEquals("$0.00", MoneyUtils.format(0));
    assertEquals("$0.05", MoneyUtils.format(5));
    assertEquals("$1.00", MoneyUtils.format(100));
    assertEquals("$1234567.89", MoneyUtils.format(123_456_789));
  }

  @Test
  @SuppressWarnings("deprecation")
  void putsTheSignBeforeTheDollar() {
    assertEquals("-$12.34", MoneyUtils.format(-1234));
    assertEquals("-$0.01", MoneyUtils.format(-1));
  }
}
