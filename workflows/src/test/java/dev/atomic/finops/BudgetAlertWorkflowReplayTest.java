package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.platform.TaskQueues;
import dev.atomic.testing.TestDatabase;
import dev.atomic.testing.WebhookReceiver;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guards determinism: recorded alert histories must replay against the current workflow code. */
class BudgetAlertWorkflowReplayTest {

  /** A 100 % alert whose webhook failed twice before it answered. */
  static final String RECORDED = "histories/budget-alert.json";

  @TempDir Path root;

  @Test
  void aRecordedAlertHistoryReplaysWithoutNonDeterminism() throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(RECORDED, BudgetAlertWorkflowImpl.class);
  }

  @Test
  void aFreshAlertHistoryReplaysWithoutNonDeterminism() throws Exception {
    WorkflowExecutionHistory history = runAlert();

    assertThat(history.getEvents()).hasSizeGreaterThan(8);
    WorkflowReplayer.replayWorkflowExecution(history, BudgetAlertWorkflowImpl.class);
    // Kept in target/ so a deliberate change of the workflow can refresh the recorded history.
    Files.writeString(Path.of("target", "budget-alert-history.json"), history.toJson(true));
  }

  private WorkflowExecutionHistory runAlert() throws Exception {
    try (TestDatabase database = TestDatabase.h2();
        WebhookReceiver webhook = WebhookReceiver.failingFirst(2);
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      FinOps finOps =
          FinOps.create(
              FinOpsSettings.defaults().withWebhookUrl(webhook.url()),
              database.dataSource(),
              alerts -> {},
              Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
      Worker worker = env.newWorker(TaskQueues.FINOPS);
      worker.registerWorkflowImplementationTypes(BudgetAlertWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new FinOpsActivitiesImpl(
              finOps,
              new WorkingDirectories(List.of(root.toString())),
              new Repositories(root.resolve(".repos"))));
      env.start();
      finOps.budgets().define(BudgetScope.team("replay"), new BigDecimal("10"), null);
      BudgetAlert alert =
          BudgetAlert.of(
              "team:replay",
              "2026-11",
              100,
              new BigDecimal("10"),
              new BigDecimal("10.5"),
              BigDecimal.ZERO,
              "2026-11-28T10:00:00Z");
      WorkflowClient client = env.getWorkflowClient();
      BudgetAlertWorkflow workflow =
          client.newWorkflowStub(
              BudgetAlertWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(alert.alertId())
                  .setTaskQueue(TaskQueues.FINOPS)
                  .build());
      workflow.run(alert);
      return client.fetchHistory(alert.alertId());
    }
  }
}
