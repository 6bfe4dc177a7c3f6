package dev.atomic.finops;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A hold on one or more budgets.
 *
 * @param status {@code held}, then {@code committed} (spend recorded, hold returned) or {@code
 *     released} (hold returned, nothing spent)
 * @param usd the amount held
 * @param committedUsd the spend recorded by commit
 * @param budgets the budget periods the hold is on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reservation(
    String id,
    String status,
    BigDecimal usd,
    BigDecimal committedUsd,
    String missionId,
    List<Hold> budgets,
    String createdAt,
    String updatedAt) {

  public static final String HELD = "held";
  public static final String COMMITTED = "committed";
  public static final String RELEASED = "released";

  public Reservation {
    usd = Money.plain(usd);
    committedUsd = committedUsd == null ? null : Money.plain(committedUsd);
    budgets = List.copyOf(budgets);
  }

  /** One budget period a reservation holds. */
  public record Hold(String scope, String period) {}
}
