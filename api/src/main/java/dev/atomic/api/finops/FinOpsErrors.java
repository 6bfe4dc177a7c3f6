package dev.atomic.api.finops;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.atomic.api.web.ApiError;
import dev.atomic.finops.BudgetExceededException;
import dev.atomic.finops.FinOpsException;
import dev.atomic.finops.StoreUnavailableException;
import java.math.BigDecimal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * FinOps refusals as {@code {"error", "details"}}: 400 bad input or unknown provider or model, 404,
 * 409, 422 for an invalid ChangeSpec; a reservation that does not fit adds the budget, its
 * remaining amount and the shortfall. Ahead of the catch-all in {@code ApiErrors}.
 */
@RestControllerAdvice(basePackageClasses = FinOpsErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class FinOpsErrors {

  /** The 409 of a reservation that does not fit. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Shortfall(
      String error, String details, String scope, BigDecimal remaining, BigDecimal shortfall) {}

  @ExceptionHandler(BudgetExceededException.class)
  ResponseEntity<Shortfall> exceeded(BudgetExceededException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(
            new Shortfall(
                "Reservation does not fit budget " + e.scope(),
                e.getMessage(),
                e.scope(),
                e.remaining(),
                e.shortfall()));
  }

  @ExceptionHandler(FinOpsException.class)
  ResponseEntity<ApiError> refused(FinOpsException e) {
    String details = String.join("; ", e.reasons());
    return switch (e.kind()) {
      case INVALID ->
          respond(
              HttpStatus.BAD_REQUEST,
              e.reasons().size() == 1 ? e.reasons().get(0) : "Invalid request",
              details);
      case UNKNOWN_MODEL -> respond(HttpStatus.BAD_REQUEST, "Unknown provider or model", details);
      case INVALID_SPEC -> respond(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid ChangeSpec", details);
      case NOT_FOUND -> respond(HttpStatus.NOT_FOUND, "Not found", details);
      case CONFLICT -> respond(HttpStatus.CONFLICT, "Conflict", details);
    };
  }

  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ApiError> unavailable(StoreUnavailableException e) {
    return respond(
        HttpStatus.SERVICE_UNAVAILABLE, "The FinOps store is not available", e.getMessage());
  }

  private static ResponseEntity<ApiError> respond(HttpStatus status, String error, String details) {
    return ResponseEntity.status(status).body(new ApiError(error, details));
  }
}
