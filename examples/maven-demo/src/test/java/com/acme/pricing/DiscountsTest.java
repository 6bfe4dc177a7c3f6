package com.acme.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DiscountsTest {

  @Test
  void appliesAPercentage() {
    assertEquals(900, Discounts.apply(1000, 10));
    assertEquals(0, Discounts.apply(1000, 100));
  }

  @Test
  void refusesPercentagesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> Discounts.apply(1000, 101));
  }
}
