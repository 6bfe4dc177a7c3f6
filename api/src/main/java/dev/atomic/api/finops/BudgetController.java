package dev.atomic.api.finops;

import dev.atomic.api.web.ApiException;
import dev.atomic.finops.Budget;
import dev.atomic.finops.BudgetScope;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.Reservation;
import dev.atomic.finops.ReservationRequest;
import dev.atomic.finops.ResetPeriod;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Budgets and reservations. {@code /finops/budget} is the runbook's global budget; {@code
 * /finops/budgets/{scope}} any budget: {@code global}, {@code mission:<id>}, {@code team:<name>}.
 */
@RestController
class BudgetController {

  private static final String CONSUMED_SHAPE = "{\"consumed\": 5.0} (USD to add)";

  private final FinOps finOps;

  BudgetController(FinOps finOps) {
    this.finOps = finOps;
  }

  @GetMapping("/finops/budget")
  Budget global() {
    return finOps.budgets().get(BudgetScope.GLOBAL);
  }

  /** Adds consumption, as the original: {@code {"consumed": 5.0}}. */
  @PostMapping("/finops/budget")
  Budget consumeGlobal(@RequestBody(required = false) JsonNode body) {
    return consume(BudgetScope.GLOBAL, body);
  }

  /**
   * The runbook's "adjust limits": sets the global budget's total, as {@code PUT
   * /finops/budgets/global} does: {@code {"total": 500}}.
   */
  @PutMapping("/finops/budget")
  Budget defineGlobal(@RequestBody(required = false) JsonNode body) {
    return define(BudgetScope.GLOBAL_NAME, body);
  }

  @GetMapping("/finops/budgets")
  List<Budget> list() {
    return finOps.budgets().list();
  }

  @GetMapping("/finops/budgets/{scope}")
  Budget get(@PathVariable String scope) {
    return finOps.budgets().get(scopeOf(scope));
  }

  /**
   * Sets a budget's total, and optionally its reset period: {@code {"total": 50, "reset":
   * "monthly"}}.
   */
  @PutMapping("/finops/budgets/{scope}")
  Budget define(@PathVariable String scope, @RequestBody(required = false) JsonNode body) {
    BudgetScope budget = scopeOf(scope);
    JsonNode fields =
        Bodies.object(
            body,
            "{\"total\": 50, \"reset\": \"monthly|weekly|daily|none\"}",
            Set.of("total", "reset"));
    String reset = Bodies.text(fields, "reset");
    ResetPeriod period;
    try {
      period = reset == null ? null : ResetPeriod.parse(reset);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    return finOps.budgets().define(budget, Bodies.amount(fields, "total", true), period);
  }

  /** Adds consumption to any budget: {@code {"consumed": 1.25}}. */
  @PostMapping("/finops/budgets/{scope}")
  Budget consume(@PathVariable String scope, @RequestBody(required = false) JsonNode body) {
    return consume(scopeOf(scope), body);
  }

  @PostMapping("/finops/reservations")
  ResponseEntity<Reservation> reserve(@RequestBody(required = false) JsonNode body) {
    JsonNode fields =
        Bodies.object(
            body,
            "{\"usd\": 2.5, \"scopes\"?: [\"team:core\"], \"missionId\"?: \"M-…\", \"team\"?: \"core\", \"id\"?: \"…\"}",
            Set.of("id", "usd", "scopes", "missionId", "team"));
    Reservation reservation =
        finOps
            .reservations()
            .reserve(
                new ReservationRequest(
                    Bodies.text(fields, "id"),
                    Bodies.amount(fields, "usd", true),
                    Bodies.strings(fields, "scopes"),
                    Bodies.text(fields, "missionId"),
                    Bodies.text(fields, "team")));
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/finops/reservations/" + reservation.id())
        .body(reservation);
  }

  @GetMapping("/finops/reservations/{id}")
  Reservation reservation(@PathVariable String id) {
    return finOps.reservations().find(id);
  }

  /** Records the actual spend: {@code {"usd": 1.8}}; the rest of the hold returns. */
  @PostMapping("/finops/reservations/{id}/commit")
  Reservation commit(@PathVariable String id, @RequestBody(required = false) JsonNode body) {
    JsonNode fields = Bodies.object(body, "{\"usd\": 1.8} (the actual spend)", Set.of("usd"));
    return finOps.reservations().commit(id, Bodies.amount(fields, "usd", true));
  }

  /** Returns the hold; no body needed. */
  @PostMapping("/finops/reservations/{id}/release")
  Reservation release(@PathVariable String id) {
    return finOps.reservations().release(id);
  }

  private Budget consume(BudgetScope scope, JsonNode body) {
    JsonNode fields = Bodies.object(body, CONSUMED_SHAPE, Set.of("consumed"));
    return finOps.budgets().consume(scope, Bodies.amount(fields, "consumed", true));
  }

  private static BudgetScope scopeOf(String scope) {
    return BudgetScope.parse(scope);
  }
}
