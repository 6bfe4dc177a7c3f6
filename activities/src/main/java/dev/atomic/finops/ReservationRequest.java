package dev.atomic.finops;

import java.math.BigDecimal;
import java.util.List;

/**
 * A hold on budgets for work about to be done, e.g. a mission's forecast before execute.
 *
 * @param id idempotency key: reserving the same id again returns the first reservation; null for a
 *     new random id
 * @param scopes the budgets to hold; when empty: global, plus {@code mission:<missionId>} and
 *     {@code team:<team>} where those budgets are set
 */
public record ReservationRequest(
    String id, BigDecimal usd, List<String> scopes, String missionId, String team) {

  public ReservationRequest {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }
}
