package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ReceiptTest {

  @Test
  void givesChangeWhenPaidTooMuch() {
    assertEquals("Paid $20.00 for $12.34, change $7.66", Receipt.forPayment(1234, 2000));
    assertEquals("Paid $12.35 for $12.34, change $0.01", Receipt.forPayment(1234, 1235));
  }

  @Test
  void exactPaymentGivesNoChange() {
    assertEquals("Paid $12.34 for $12.34", Receipt.forPayment(1234, 1234));
  }

  @Test
  void refusesTooLittle() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Receipt.forPayment(1234, 1233));
    assertEquals("paid $12.33 of $12.34", error.getMessage());
  }
}
