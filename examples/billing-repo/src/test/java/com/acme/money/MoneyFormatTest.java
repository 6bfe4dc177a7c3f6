package com.acme.money;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyFormatTest {

  @Test
  void writesCentsAsDollars() {
    assertEquals("$12.34", MoneyFormat.format(1234));
    assertEquals("$0.00", MoneyFormat.format(0));
    assertEquals("$0.05", MoneyFormat.format(5));
    assertEquals("$1.00", MoneyFormat.format(100));
    assertEquals("$1234567.89", MoneyFormat.format(123_456_789));
  }

  @Test
  void putsTheSignBeforeTheDollar() {
    assertEquals("-$12.34", MoneyFormat.format(-1234));
    assertEquals("-$0.01", MoneyFormat.format(-1));
  }
}
