package com.acme.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SalesReportTest {

  @Test
  void listsRegionsInOrderWithTotalAndBest() {
    SalesReport report = new SalesReport();
    report.record("west", 1000);
    report.record("east", 250_075);
    report.record("north", 99);
    report.record("west", 500);

    assertEquals(
        "east: $2500.75\nnorth: $0.99\nwest: $15.00\nTotal: $2516.74 (best: east)",
        report.render());
  }

  @Test
  void theFirstOfEqualRegionsIsBest() {
    SalesReport report = new SalesReport();
    report.record("b", 700);
    report.record("a", 300);
    report.record("a", 400);

    assertEquals("a: $7.00\nb: $7.00\nTotal: $14.00 (best: a)", report.render());
  }

  @Test
  void refundsCanMakeARegionNegative() {
    SalesReport report = new SalesReport();
    report.record("south", -1234);

    assertEquals("south: -$12.34\nTotal: -$12.34 (best: south)", report.render());
  }

  @Test
  void anEmptyReportHasOnlyTheTotal() {
    assertEquals("Total: $0.00", new SalesReport().render());
  }
}
