package dev.atomic.dte;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Runs one DTE activity; refusals are not retried, infrastructure failures are. */
public class DteJobWorkflowImpl implements DteJobWorkflow {

  private final DteActivities dte =
      Workflow.newActivityStub(
          DteActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(30))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setMaximumAttempts(3)
                      .setDoNotRetry(
                          DteActivitiesImpl.INVALID,
                          DteActivitiesImpl.UNSUPPORTED,
                          DteActivitiesImpl.REFUSED)
                      .build())
              .build());

  @Override
  public DteJobResult run(DteRequest request) {
    return DteRequest.VERIFY.equals(request.operation())
        ? new DteJobResult(null, dte.verify(request))
        : new DteJobResult(dte.apply(request), null);
  }
}
