package com.acme.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InvoiceTest {

  @Test
  void listsNumberedLinesAndTheTotal() {
    Invoice invoice = new Invoice("INV-7").add("Widget", 3, 250).add("Gadget", 1, 1999);

    assertEquals(2749, invoice.totalCents());
    assertEquals(
        "Invoice INV-7\n"
            + "1. 3 x Widget @ $2.50 = $7.50\n"
            + "2. 1 x Gadget @ $19.99 = $19.99\n"
            + "Total $27.49",
        invoice.render());
  }

  @Test
  void anEmptyInvoiceTotalsNothing() {
    Invoice invoice = new Invoice("INV-8");

    assertEquals(0, invoice.totalCents());
    assertEquals("Invoice INV-8\nTotal $0.00", invoice.render());
  }

  @Test
  void aCreditLineIsNegative() {
    Invoice invoice = new Invoice("INV-9").add("Refund", 2, -1050);

    assertEquals(-2100, invoice.totalCents());
    assertEquals(
        "Invoice INV-9\n1. 2 x Refund @ -$10.50 = -$21.00\nTotal -$21.00", invoice.render());
  }

  @Test
  void refusesQuantitiesBelowOne() {
    Invoice invoice = new Invoice("INV-10").add("Pin", 1, 5);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> invoice.add("Pin", 0, 5));
    assertEquals("quantity must be positive, got 0", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> invoice.add("Pin", -1, 5));
    assertEquals(5, invoice.totalCents());
  }
}
