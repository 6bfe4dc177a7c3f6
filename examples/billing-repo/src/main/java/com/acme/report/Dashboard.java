package com.acme.report;

import com.acme.money.MoneyFormat;
import java.util.Map;
import java.util.StringJoiner;

/** The revenue tiles of the sales dashboard: large amounts are shown compact ("$1.2k"). */
public class Dashboard {

  /** One tile: amounts from $1,000 up in thousands with one decimal, smaller ones in full. */
  public String tile(String label, long cents) {
    long abs = Math.abs(cents);
    String amount;
    if (abs >= 100_000) {
      long tenths = abs / 10_000;
      amount = (cents < 0 ? "-" : "") + "$" + tenths / 10 + "." + tenths % 10 + "k";
    } else {
      amount = MoneyFormat.format(cents);
    }
    return label + ": " + amount;
  }

  /** A row of tiles, in the map's order. */
  public String row(Map<String, Long> amounts) {
    StringJoiner row = new StringJoiner(" | ");
    amounts.forEach((label, cents) -> row.add(tile(label, cents)));
    return row.toString();
  }
}
