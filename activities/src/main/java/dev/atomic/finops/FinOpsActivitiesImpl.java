package dev.atomic.finops;

import dev.atomic.dte.DteException;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.platform.AtomicMetrics;
import io.temporal.failure.ApplicationFailure;
import java.util.List;

/** Runs the FinOps engines for workflows; refusals are non-retryable, outages are retried. */
public class FinOpsActivitiesImpl implements FinOpsActivities {

  /** Failure types, so a workflow can tell a refusal from an outage. */
  public static final String INVALID = "FinOpsInvalid";

  public static final String NOT_FOUND = "FinOpsNotFound";
  public static final String CONFLICT = "FinOpsConflict";
  public static final String BUDGET_EXCEEDED = "BudgetExceeded";
  public static final String WEBHOOK_FAILED = "WebhookFailed";

  private final FinOps finOps;
  private final WorkingDirectories roots;
  private final Repositories repositories;
  private final AtomicMetrics metrics;

  public FinOpsActivitiesImpl(FinOps finOps, WorkingDirectories roots, Repositories repositories) {
    this(finOps, roots, repositories, AtomicMetrics.none());
  }

  /** Each mission's cost and forecast accuracy, at its end, are recorded in {@code metrics}. */
  public FinOpsActivitiesImpl(
      FinOps finOps, WorkingDirectories roots, Repositories repositories, AtomicMetrics metrics) {
    this.finOps = finOps;
    this.roots = roots;
    this.repositories = repositories;
    this.metrics = metrics;
  }

  @Override
  public Forecast forecast(ForecastRequest request) {
    try {
      return finOps.forecaster().forecast(request, roots, repositories);
    } catch (FinOpsException e) {
      throw failure(e);
    } catch (DteException e) {
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), INVALID, List.copyOf(e.reasons()));
    }
  }

  @Override
  public Reservation reserve(ReservationRequest request) {
    try {
      return finOps.reservations().reserve(request);
    } catch (FinOpsException e) {
      throw failure(e);
    }
  }

  @Override
  public Reservation commit(CommitRequest request) {
    try {
      Reservation committed = finOps.reservations().commit(request.reservationId(), request.usd());
      if (committed.missionId() != null) {
        // The workflow commits its mission's reservation when the mission ends.
        Reservations.MissionSpend spend = finOps.reservations().missionSpend(committed.missionId());
        metrics.missionCost(spend.committedUsd().doubleValue(), spend.reservedUsd().doubleValue());
      }
      return committed;
    } catch (FinOpsException e) {
      throw failure(e);
    }
  }

  @Override
  public ReservationCheck check(String reservationId) {
    try {
      Reservation reservation = finOps.reservations().find(reservationId);
      if (!Reservation.HELD.equals(reservation.status())) {
        return new ReservationCheck(
            false, "reservation " + reservationId + " is " + reservation.status());
      }
      for (Reservation.Hold hold : reservation.budgets()) {
        Budget budget = finOps.budgets().get(new BudgetScope(hold.scope()));
        if (budget.breached()) {
          return new ReservationCheck(
              false,
              "budget "
                  + hold.scope()
                  + " is breached: consumed "
                  + budget.consumed().toPlainString()
                  + " of "
                  + budget.total().toPlainString()
                  + " USD");
        }
      }
      return new ReservationCheck(true, null);
    } catch (FinOpsException e) {
      throw failure(e);
    }
  }

  @Override
  public Reservation release(String reservationId) {
    try {
      return finOps.reservations().release(reservationId);
    } catch (FinOpsException e) {
      throw failure(e);
    }
  }

  @Override
  public AlertRecord recordAlert(BudgetAlert alert) {
    try {
      return finOps.alerts().record(alert);
    } catch (FinOpsException e) {
      throw failure(e);
    }
  }

  @Override
  public AlertRecord notifyWebhook(BudgetAlert alert) {
    AlertRecord record = finOps.alerts().find(alert).orElse(null);
    if (record != null && record.notifiedAt() != null) {
      return record;
    }
    String delivery;
    try {
      delivery = finOps.webhook().deliver(alert, record);
    } catch (BudgetWebhook.DeliveryFailed e) {
      throw ApplicationFailure.newFailure(e.getMessage(), WEBHOOK_FAILED);
    }
    return finOps.alerts().delivered(alert, delivery);
  }

  private static ApplicationFailure failure(FinOpsException e) {
    if (e instanceof BudgetExceededException exceeded) {
      return ApplicationFailure.newNonRetryableFailure(
          e.getMessage(),
          BUDGET_EXCEEDED,
          exceeded.scope(),
          exceeded.remaining().toPlainString(),
          exceeded.shortfall().toPlainString());
    }
    String type =
        switch (e.kind()) {
          case INVALID, UNKNOWN_MODEL, INVALID_SPEC -> INVALID;
          case NOT_FOUND -> NOT_FOUND;
          case CONFLICT -> CONFLICT;
        };
    return ApplicationFailure.newNonRetryableFailure(
        e.getMessage(), type, List.copyOf(e.reasons()));
  }
}
