package dev.atomic.finops;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends one budget alert: records it as evidence, then posts it to the webhook until the webhook
 * takes it. Workflow id {@code alert-<scope>-<period>-<threshold>}, task queue {@code
 * atomic-finops}; started with duplicates rejected, so a threshold fires once per period.
 */
@WorkflowInterface
public interface BudgetAlertWorkflow {

  @WorkflowMethod(name = BudgetAlert.WORKFLOW_TYPE)
  AlertRecord run(BudgetAlert alert);
}
