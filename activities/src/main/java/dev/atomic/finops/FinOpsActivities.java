package dev.atomic.finops;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Budgets and alerts for workflows (task queue {@code atomic-finops}). */
@ActivityInterface
public interface FinOpsActivities {

  /** Tokens, cost and latency of a ChangeSpec, read from its tree when one is named. */
  @ActivityMethod(name = "FinOpsForecast")
  Forecast forecast(ForecastRequest request);

  /**
   * Holds an amount on budgets; refused (non-retryable {@code BudgetExceeded}) when it does not
   * fit.
   *
   * @param request its {@code id} is the idempotency key: derive it from the workflow
   */
  @ActivityMethod(name = "FinOpsReserve")
  Reservation reserve(ReservationRequest request);

  /** Records the actual spend of a reservation; the rest of the hold returns. */
  @ActivityMethod(name = "FinOpsCommit")
  Reservation commit(CommitRequest request);

  /** Whether a reservation is still held and none of its budgets is breached (read only). */
  @ActivityMethod(name = "FinOpsCheckReservation")
  ReservationCheck check(String reservationId);

  /** Returns a reservation's hold, e.g. for a rejected or rolled-back mission. */
  @ActivityMethod(name = "FinOpsRelease")
  Reservation release(String reservationId);

  /** Records a fired alert and its evidence event, once per threshold and period. */
  @ActivityMethod(name = "FinOpsRecordAlert")
  AlertRecord recordAlert(BudgetAlert alert);

  /** Posts an alert to the webhook; anything but 2xx fails, so the caller retries. */
  @ActivityMethod(name = "FinOpsNotify")
  AlertRecord notifyWebhook(BudgetAlert alert);
}
