package dev.atomic.finops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.dte.WorkingDirectories;
import dev.atomic.dte.git.Repositories;
import dev.atomic.platform.Json;
import dev.atomic.platform.TaskQueues;
import dev.atomic.testing.TestDatabase;
import dev.atomic.testing.WebhookReceiver;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts through the real workflow, activities, database and a real local HTTP webhook. */
class BudgetAlertWorkflowTest {

  @TempDir Path root;
  private TestDatabase database;
  private WebhookReceiver webhook;
  private TestWorkflowEnvironment env;
  private WorkflowClient client;
  private FinOps finOps;

  @BeforeEach
  void start() {
    database = TestDatabase.h2();
    webhook = WebhookReceiver.failingFirst(2);
    env = TestWorkflowEnvironment.newInstance();
    client = env.getWorkflowClient();
    finOps =
        FinOps.create(
            FinOpsSettings.defaults().withWebhookUrl(webhook.url()),
            database.dataSource(),
            new TemporalAlertSink(client),
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));
    Worker worker = env.newWorker(TaskQueues.FINOPS);
    worker.registerWorkflowImplementationTypes(BudgetAlertWorkflowImpl.class);
    worker.registerActivitiesImplementations(
        new FinOpsActivitiesImpl(
            finOps,
            new WorkingDirectories(List.of(root.toString())),
            new Repositories(root.resolve(".repos"))));
    env.start();
  }

  @AfterEach
  void stop() throws Exception {
    env.close();
    webhook.close();
    database.close();
  }

  @Test
  void aWebhookThatFailsTwiceGetsTheAlertOnTheThirdAttempt() throws Exception {
    BudgetScope team = BudgetScope.team("platform");
    finOps.budgets().define(team, new BigDecimal("10"), null);

    finOps.budgets().consume(team, new BigDecimal("5.5"));
    AlertRecord record = result("alert-team:platform-2026-11-50");

    assertThat(webhook.received())
        .extracting(WebhookReceiver.Received::answered)
        .containsExactly(503, 503, 200);
    assertThat(webhook.received())
        .extracting(WebhookReceiver.Received::alertId)
        .containsOnly("alert-team:platform-2026-11-50");
    JsonNode body = Json.mapper().readTree(webhook.received().get(2).body());
    assertThat(body.get("type").asText()).isEqualTo("BudgetThresholdReached");
    assertThat(body.get("scope").asText()).isEqualTo("team:platform");
    assertThat(body.get("period").asText()).isEqualTo("2026-11");
    assertThat(body.get("threshold").asInt()).isEqualTo(50);
    assertThat(body.get("total").decimalValue()).isEqualByComparingTo("10");
    assertThat(body.get("consumed").decimalValue()).isEqualByComparingTo("5.5");
    assertThat(body.get("breached").asBoolean()).isFalse();
    assertThat(body.get("eventId").asText()).isEqualTo("EVT-budget:team:platform-2");
    assertThat(webhook.received().get(2).contentType()).isEqualTo("application/json");
    assertThat(record.notifiedAt()).isNotNull();
    assertThat(record.delivery()).isEqualTo("HTTP 200 from " + webhook.url());
    assertThat(notifyAttempts("alert-team:platform-2026-11-50")).isEqualTo(3);
    assertThat(events("budget:team:platform"))
        .containsExactly("BudgetSet", "BudgetThresholdReached");
  }

  @Test
  void eachThresholdFiresOncePerPeriodHoweverOftenItIsReached() throws Exception {
    BudgetScope team = BudgetScope.team("once");
    finOps.budgets().define(team, new BigDecimal("1"), null);

    finOps.budgets().consume(team, new BigDecimal("0.6"));
    // Reached again before the first alert is recorded: the workflow id rejects the duplicate.
    finOps.budgets().consume(team, BigDecimal.ZERO);
    result("alert-team:once-2026-11-50");
    finOps.budgets().consume(team, new BigDecimal("0.1"));
    finOps.budgets().consume(team, new BigDecimal("0.5"));
    result("alert-team:once-2026-11-80");
    AlertRecord breached = result("alert-team:once-2026-11-100");
    finOps.budgets().consume(team, new BigDecimal("2"));
    finOps.budgets().get(team);

    for (String id :
        List.of(
            "alert-team:once-2026-11-50",
            "alert-team:once-2026-11-80",
            "alert-team:once-2026-11-100")) {
      assertThat(webhook.delivered(id)).as(id).hasSize(1);
    }
    // 80 % and 100 % were reached by one change: their workflows record in either order.
    assertThat(breached.eventId()).isIn("EVT-budget:team:once-3", "EVT-budget:team:once-4");
    List<String> events = events("budget:team:once");
    assertThat(events.subList(0, 2)).containsExactly("BudgetSet", "BudgetThresholdReached");
    assertThat(events.subList(2, events.size()))
        .containsExactlyInAnyOrder("BudgetThresholdReached", "BudgetBreached");
    assertThat(finOps.budgets().get(team).alertsFired()).containsExactly(50, 80, 100);
    assertThat(finOps.budgets().get(team).breached()).isTrue();
  }

  private AlertRecord result(String workflowId) {
    return WorkflowStub.fromTyped(client.newWorkflowStub(BudgetAlertWorkflow.class, workflowId))
        .getResult(AlertRecord.class);
  }

  private long notifyAttempts(String workflowId) {
    for (HistoryEvent event : client.fetchHistory(workflowId).getEvents()) {
      if (event.hasActivityTaskStartedEventAttributes()
          && event.getActivityTaskStartedEventAttributes().getAttempt() > 1) {
        return event.getActivityTaskStartedEventAttributes().getAttempt();
      }
    }
    return 1;
  }

  private List<String> events(String stream) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement query =
            c.prepareStatement("SELECT type FROM evidence_events WHERE stream = ? ORDER BY seq")) {
      query.setString(1, stream);
      try (ResultSet rows = query.executeQuery()) {
        List<String> types = new ArrayList<>();
        while (rows.next()) {
          types.add(rows.getString(1));
        }
        return types;
      }
    }
  }
}
