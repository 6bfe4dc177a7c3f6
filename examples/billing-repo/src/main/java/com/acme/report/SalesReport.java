package com.acme.report;

import com.acme.util.MoneyUtils;
import java.util.Map;
import java.util.TreeMap;

/** Sales by region, in region order, with the total and the best region. */
public class SalesReport {

  private final Map<String, Long> byRegion = new TreeMap<>();

  public void record(String region, long cents) {
    byRegion.merge(region, cents, Long::sum);
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    long total = 0;
    String best = null;
    for (Map.Entry<String, Long> region : byRegion.entrySet()) {
      out.append(region.getKey()).append(": ").append(MoneyUtils.format(region.getValue()));
      out.append('\n');
      total += region.getValue();
      if (best == null || region.getValue() > byRegion.get(best)) {
        best = region.getKey();
      }
    }
    out.append("Total: ").append(MoneyUtils.format(total));
    return best == null
        ? out.toString()
        : out.append(" (best: ").append(best).append(')').toString();
  }
}
