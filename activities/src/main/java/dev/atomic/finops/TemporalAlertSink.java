package dev.atomic.finops;

import dev.atomic.platform.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one {@code BudgetAlertWorkflow} per alert, with workflow id = alert id and duplicates
 * rejected: a threshold reached twice in a period (by concurrent changes, or a retry) is one
 * workflow. When Temporal is unreachable the alert is logged and fired again by the next change or
 * read of the budget, since it is recorded only by the workflow.
 */
public final class TemporalAlertSink implements AlertSink {

  private static final Logger log = LoggerFactory.getLogger(TemporalAlertSink.class);

  private final WorkflowClient client;

  public TemporalAlertSink(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public void fire(List<BudgetAlert> alerts) {
    for (BudgetAlert alert : alerts) {
      WorkflowOptions options =
          WorkflowOptions.newBuilder()
              .setWorkflowId(alert.alertId())
              .setTaskQueue(TaskQueues.FINOPS)
              .setWorkflowIdReusePolicy(
                  WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
              .build();
      try {
        client.newUntypedWorkflowStub(BudgetAlert.WORKFLOW_TYPE, options).start(alert);
        log.info(
            "budget {} reached {}% in {}: alert {} started",
            alert.scope(), alert.threshold(), alert.period(), alert.alertId());
      } catch (WorkflowExecutionAlreadyStarted e) {
        log.debug("alert {} already started", alert.alertId());
      } catch (RuntimeException e) {
        log.warn(
            "alert {} could not be started ({}); it is fired again on the next change of the budget",
            alert.alertId(),
            e.getMessage());
      }
    }
  }
}
