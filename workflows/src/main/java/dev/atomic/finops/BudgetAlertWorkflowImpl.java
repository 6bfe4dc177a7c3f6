package dev.atomic.finops;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Records first, so the alert is evidence even while the webhook is down; then retries the webhook
 * with exponential backoff and no attempt limit, so an outage delays an alert but never drops it.
 */
public class BudgetAlertWorkflowImpl implements BudgetAlertWorkflow {

  /** Retries until the database answers; a budget that does not exist is not retried. */
  private final FinOpsActivities record =
      Workflow.newActivityStub(
          FinOpsActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofSeconds(30))
                      .setDoNotRetry(FinOpsActivitiesImpl.INVALID, FinOpsActivitiesImpl.NOT_FOUND)
                      .build())
              .build());

  /** 1 s, 2 s, 4 s, … up to 10 minutes between attempts, for as long as it takes. */
  private final FinOpsActivities webhook =
      Workflow.newActivityStub(
          FinOpsActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(1))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2.0)
                      .setMaximumInterval(Duration.ofMinutes(10))
                      .build())
              .build());

  @Override
  public AlertRecord run(BudgetAlert alert) {
    AlertRecord recorded = record.recordAlert(alert);
    if (recorded.notifiedAt() != null) {
      return recorded;
    }
    return webhook.notifyWebhook(alert);
  }
}
