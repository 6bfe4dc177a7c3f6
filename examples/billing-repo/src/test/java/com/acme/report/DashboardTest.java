package com.acme.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardTest {

  private final Dashboard dashboard = new Dashboard();

  @Test
  void amountsBelowAThousandDollarsAreShownInFull() {
    assertEquals("Today: $0.00", dashboard.tile("Today", 0));
    assertEquals("Today: $12.34", dashboard.tile("Today", 1234));
    assertEquals("Today: $999.99", dashboard.tile("Today", 99_999));
    assertEquals("Refunds: -$999.99", dashboard.tile("Refunds", -99_999));
  }

  @Test
  void fromAThousandDollarsInThousandsWithOneDecimal() {
    assertEquals("Month: $1.0k", dashboard.tile("Month", 100_000));
    assertEquals("Month: $1.2k", dashboard.tile("Month", 123_456));
    assertEquals("Month: $9.9k", dashboard.tile("Month", 999_999));
    assertEquals("Year: $250.0k", dashboard.tile("Year", 25_000_000));
    assertEquals("Year: $1234.5k", dashboard.tile("Year", 123_456_789));
  }

  @Test
  void largeNegativeAmountsAreCompactToo() {
    assertEquals("Refunds: -$1.0k", dashboard.tile("Refunds", -100_000));
    assertEquals("Refunds: -$4.5k", dashboard.tile("Refunds", -456_789));
  }

  @Test
  void aRowJoinsTilesInOrder() {
    Map<String, Long> amounts = new LinkedHashMap<>();
    amounts.put("Today", 4_550L);
    amounts.put("Month", 310_000L);
    amounts.put("Refunds", -2_500L);

    assertEquals("Today: $45.50 | Month: $3.1k | Refunds: -$25.00", dashboard.row(amounts));
    assertEquals("", dashboard.row(Map.of()));
  }
}
