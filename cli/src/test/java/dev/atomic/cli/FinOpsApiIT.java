package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.dte.DemoRepo;
import dev.atomic.testing.WebhookReceiver;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** {@code /finops} and {@code /policies} over REST: the runbook's calls and every bad input. */
class FinOpsApiIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void theRunbookBudgetCommandsWorkOnTheFinOpsPort() {
    int finops = platform.servicePorts[3];
    // curl http://localhost:3004/finops/budget | jq
    Response before = platform.get(finops, "/finops/budget");
    assertThat(before.status()).isEqualTo(200);
    JsonNode budget = before.json();
    assertThat(budget.get("total").decimalValue()).isEqualByComparingTo("100");
    assertThat(budget.has("consumed")).isTrue();
    assertThat(budget.has("remaining")).isTrue();
    assertThat(budget.get("breached").asBoolean()).isFalse();
    assertThat(budget.get("scope").asText()).isEqualTo("global");

    // curl -X POST http://localhost:3004/finops/budget -H "Content-Type: application/json" -d
    // '{"consumed":5.0}'
    Response after =
        platform.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + finops + "/finops/budget"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consumed\":5.0}"))
                .build());

    assertThat(after.status()).as(after.body()).isEqualTo(200);
    assertThat(after.json().get("consumed").decimalValue())
        .isEqualByComparingTo(budget.get("consumed").decimalValue().add(new BigDecimal("5")));
    assertThat(after.json().get("remaining").decimalValue())
        .isEqualByComparingTo(budget.get("remaining").decimalValue().subtract(new BigDecimal("5")));
    assertThat(platform.get("/finops/budgets/global").json().get("consumed"))
        .isEqualTo(after.json().get("consumed"));
  }

  @Test
  void theRunbooksAdjustLimitsSetsTheGlobalTotal() {
    // The runbook's "adjust limits": PUT /finops/budget {"total": …}.
    BigDecimal before = platform.get("/finops/budget").json().get("total").decimalValue();
    try {
      Response set = put("/finops/budget", "{\"total\": 150}");

      assertThat(set.status()).as(set.body()).isEqualTo(200);
      assertThat(set.json().get("total").decimalValue()).isEqualByComparingTo("150");
      assertThat(platform.get("/finops/budgets/global").json().get("total").decimalValue())
          .isEqualByComparingTo("150");
      assertError(put("/finops/budget", "{\"total\": -3}"), 400, "total");
    } finally {
      assertThat(put("/finops/budget", "{\"total\": " + before.toPlainString() + "}").status())
          .isEqualTo(200);
    }
  }

  @Test
  void badConsumptionIsRefusedAndNothingIsAdded() {
    BigDecimal consumed = platform.get("/finops/budget").json().get("consumed").decimalValue();

    assertError(
        platform.postJson("/finops/budget", "{\"consumed\":-1}"),
        400,
        "'consumed' must not be negative");
    assertError(
        platform.postJson("/finops/budget", "{\"consumed\":\"abc\"}"),
        400,
        "'consumed' must be a number");
    assertError(
        platform.postJson("/finops/budget", "{\"consumed\":\"5\"}"),
        400,
        "'consumed' must be a number");
    assertError(platform.postJson("/finops/budget", "{}"), 400, "'consumed' is required");
    assertError(
        platform.postJson("/finops/budget", "{\"consumed\":1,\"total\":3}"),
        400,
        "Unknown field(s) [total]");
    assertError(platform.postJson("/finops/budget", "{\"consumed\":"), 400, "Malformed JSON");
    assertError(platform.postJson("/finops/budget", "[5]"), 400, "must be a JSON object");
    assertError(platform.postEmpty("/finops/budget"), 400, "Request body is required");

    assertThat(platform.get("/finops/budget").json().get("consumed").decimalValue())
        .isEqualByComparingTo(consumed);
  }

  @Test
  void budgetsOfMissionsAndTeamsAreSetAndReadByScope() {
    Response set =
        put("/finops/budgets/team:it-budgets", "{\"total\": 25.5, \"reset\": \"weekly\"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("total").decimalValue()).isEqualByComparingTo("25.5");
    assertThat(set.json().get("reset").asText()).isEqualTo("weekly");
    assertThat(set.json().get("period").asText()).matches("\\d{4}-W\\d{2}");
    Response mission = put("/finops/budgets/mission:M-ITBUDGET", "{\"total\": 3}");
    assertThat(mission.json().get("period").asText()).isEqualTo("all");
    assertThat(
            platform
                .postJson("/finops/budgets/team:it-budgets", "{\"consumed\": 0.5}")
                .json()
                .get("remaining")
                .decimalValue())
        .isEqualByComparingTo("25");
    List<String> scopes = new ArrayList<>();
    platform.get("/finops/budgets").json().forEach(b -> scopes.add(b.get("scope").asText()));
    assertThat(scopes).contains("global", "team:it-budgets", "mission:M-ITBUDGET");

    assertError(platform.get("/finops/budgets/team:nobody"), 404, "Not found");
    assertError(platform.get("/finops/budgets/planet:mars"), 400, "scope must be 'global'");
    assertError(
        put("/finops/budgets/team:it-budgets", "{\"total\": -5}"),
        400,
        "'total' must not be negative");
    assertError(
        put("/finops/budgets/team:it-budgets", "{\"total\": \"lots\"}"),
        400,
        "'total' must be a number");
    assertError(
        put("/finops/budgets/team:it-budgets", "{\"total\": 5, \"reset\": \"hourly\"}"),
        400,
        "'reset' must be one of [monthly, weekly, daily, none]");
  }

  @Test
  void aReservationHoldsCommitsAndAReservationThatDoesNotFitIsAConflict() {
    put("/finops/budgets/team:it-reserve", "{\"total\": 10}");

    Response held =
        platform.postJson(
            "/finops/reservations", "{\"usd\": 6, \"scopes\": [\"team:it-reserve\"]}");
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    String id = held.json().get("id").asText();
    assertThat(held.json().get("status").asText()).isEqualTo("held");
    assertThat(held.headers().get("location")).containsExactly("/finops/reservations/" + id);

    Response refused =
        platform.postJson(
            "/finops/reservations", "{\"usd\": 5, \"scopes\": [\"team:it-reserve\"]}");
    assertError(refused, 409, "Reservation does not fit budget team:it-reserve");
    assertThat(refused.json().get("scope").asText()).isEqualTo("team:it-reserve");
    assertThat(refused.json().get("remaining").decimalValue()).isEqualByComparingTo("4");
    assertThat(refused.json().get("shortfall").decimalValue()).isEqualByComparingTo("1");

    Response committed =
        platform.postJson("/finops/reservations/" + id + "/commit", "{\"usd\": 7.25}");
    assertThat(committed.status()).as(committed.body()).isEqualTo(200);
    assertThat(committed.json().get("status").asText()).isEqualTo("committed");
    JsonNode budget = platform.get("/finops/budgets/team:it-reserve").json();
    assertThat(budget.get("consumed").decimalValue()).isEqualByComparingTo("7.25");
    assertThat(budget.get("reserved").decimalValue()).isEqualByComparingTo("0");
    assertThat(platform.get("/finops/reservations/" + id).json().get("committedUsd").decimalValue())
        .isEqualByComparingTo("7.25");

    assertError(platform.postEmpty("/finops/reservations/" + id + "/release"), 409, "Conflict");
    assertError(
        platform.postJson("/finops/reservations/" + id + "/commit", "{\"usd\": 1}"),
        409,
        "Conflict");
    assertError(
        platform.postJson("/finops/reservations/res-nosuch/commit", "{\"usd\": 1}"),
        404,
        "Not found");
    assertError(platform.postEmpty("/finops/reservations/res-nosuch/release"), 404, "Not found");
    assertError(
        platform.postJson("/finops/reservations", "{\"usd\": -1}"),
        400,
        "'usd' must not be negative");
    assertError(
        platform.postJson("/finops/reservations", "{\"usd\": 1, \"scopes\": \"team:x\"}"),
        400,
        "'scopes' must be an array");
    assertError(
        platform.postJson("/finops/reservations", "{\"usd\": 1, \"scopes\": [\"team:none-here\"]}"),
        404,
        "Not found");
    assertError(
        platform.postJson("/finops/reservations/" + id + "/commit", "{\"usd\": \"x\"}"),
        400,
        "'usd' must be a number");
  }

  @Test
  void aReleasedReservationReturnsItsHold() {
    put("/finops/budgets/mission:M-ITRELEASE", "{\"total\": 2}");
    Response held =
        platform.postJson(
            "/finops/reservations",
            "{\"usd\": 1.5, \"missionId\": \"M-ITRELEASE\", \"id\": \"res-M-ITRELEASE-execute\"}");
    assertThat(held.status()).as(held.body()).isEqualTo(201);
    List<String> scopes = new ArrayList<>();
    held.json().get("budgets").forEach(b -> scopes.add(b.get("scope").asText()));
    assertThat(scopes).containsExactly("global", "mission:M-ITRELEASE");
    // The same id again is the same reservation, not a second hold.
    assertThat(
            platform
                .postJson(
                    "/finops/reservations",
                    "{\"usd\": 1.5, \"missionId\": \"M-ITRELEASE\", \"id\": \"res-M-ITRELEASE-execute\"}")
                .json())
        .isEqualTo(held.json());

    Response released = platform.postEmpty("/finops/reservations/res-M-ITRELEASE-execute/release");

    assertThat(released.status()).isEqualTo(200);
    assertThat(released.json().get("status").asText()).isEqualTo("released");
    assertThat(
            platform
                .get("/finops/budgets/mission:M-ITRELEASE")
                .json()
                .get("reserved")
                .decimalValue())
        .isEqualByComparingTo("0");
  }

  @Test
  void thresholdsFireOnceEachAsEvidenceAndWebhookPosts() throws Exception {
    put("/finops/budgets/team:it-alerts", "{\"total\": 1}");

    platform.postJson("/finops/budgets/team:it-alerts", "{\"consumed\": 0.6}");
    Response past = platform.postJson("/finops/budgets/team:it-alerts", "{\"consumed\": 0.6}");
    platform.postJson("/finops/budgets/team:it-alerts", "{\"consumed\": 0.1}");

    assertThat(past.json().get("breached").asBoolean()).isTrue();
    String period = past.json().get("period").asText();
    WebhookReceiver webhook = TestPlatform.WEBHOOK;
    for (int threshold : new int[] {50, 80, 100}) {
      String alertId = "alert-team:it-alerts-" + period + "-" + threshold;
      awaitDelivery(webhook, alertId);
    }
    TestPlatform.sleep(Duration.ofSeconds(2));
    for (int threshold : new int[] {50, 80, 100}) {
      assertThat(webhook.delivered("alert-team:it-alerts-" + period + "-" + threshold)).hasSize(1);
    }
    assertThat(platform.get("/finops/budgets/team:it-alerts").json().get("alertsFired").toString())
        .isEqualTo("[50,80,100]");
    // One alert workflow per threshold: those reached by one change record in either order.
    List<String> events = events("budget:team:it-alerts");
    assertThat(events).first().isEqualTo("BudgetSet");
    assertThat(events.subList(1, events.size()))
        .containsExactlyInAnyOrder(
            "BudgetThresholdReached", "BudgetThresholdReached", "BudgetBreached");
  }

  @Test
  void aForecastReadsTheTreeWhenOneIsGivenAndEstimatesTheScopeOtherwise() throws IOException {
    Path repo = DemoRepo.copyTo(Files.createDirectories(platform.home.resolve("forecast-demo")));
    String spec = Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-001.json"));

    Response tree =
        platform.postJson(
            "/finops/forecast", "{\"changeSpec\": " + spec + ", \"workingDir\": \"" + repo + "\"}");
    Response scope =
        platform.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + platform.servicePorts[3] + "/finops/forecast"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"changeSpec\": " + spec + ", \"provider\": \"anthropic\"}"))
                .build());
    Response bare = platform.postJson("/finops/forecast", spec);

    assertThat(tree.status()).as(tree.body()).isEqualTo(200);
    JsonNode f = tree.json();
    assertThat(f.get("basis").asText()).isEqualTo("tree");
    assertThat(f.get("files").asInt()).isEqualTo(8);
    assertThat(f.get("provider").asText()).isEqualTo("copilot");
    assertThat(f.get("model").asText()).isEqualTo("gpt-4.1");
    assertThat(f.get("tokenizer").asText()).isEqualTo("o200k_base");
    assertThat(f.get("tokens").asLong()).isGreaterThan(500);
    assertThat(f.get("outputTokens").asLong()).isPositive();
    assertThat(f.get("usdEstimate").decimalValue()).isPositive();
    assertThat(f.get("p95Latency").asLong()).isEqualTo(20_000);
    assertThat(scope.status()).as(scope.body()).isEqualTo(200);
    assertThat(scope.json().get("basis").asText()).isEqualTo("scope-estimate");
    assertThat(scope.json().get("tokenCount").asText()).isEqualTo("estimate");
    assertThat(scope.json().get("model").asText()).isEqualTo("claude-sonnet-4");
    assertThat(bare.status()).as(bare.body()).isEqualTo(200);
    assertThat(bare.json().get("basis").asText()).isEqualTo("scope-estimate");
  }

  @Test
  void aForecastRefusesBadSpecsUnknownModelsAndTreesOutsideTheRoots() throws IOException {
    String spec = Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-001.json"));

    Response invalid =
        platform.postJson(
            "/finops/forecast",
            "{\"changeSpec\": {\"id\": \"X-1\", \"intent\": \"x\", \"scope\": [], \"language\": \"cobol\"}}");
    assertError(invalid, 422, "Invalid ChangeSpec");
    assertThat(invalid.json().get("details").asText())
        .contains("/id: must match", "/language: must be one of");
    Response provider =
        platform.postJson(
            "/finops/forecast", "{\"changeSpec\": " + spec + ", \"provider\": \"acme\"}");
    assertError(provider, 400, "Unknown provider or model");
    assertThat(provider.json().get("details").asText())
        .contains("[copilot, cursor, windsurf, openai, anthropic]");
    Response model =
        platform.postJson(
            "/finops/forecast",
            "{\"changeSpec\": " + spec + ", \"provider\": \"openai\", \"model\": \"gpt-9\"}");
    assertError(model, 400, "Unknown provider or model");
    assertThat(model.json().get("details").asText()).contains("known models of openai: [gpt-4.1");
    assertError(
        platform.postJson(
            "/finops/forecast", "{\"changeSpec\": " + spec + ", \"workingDir\": \"/etc\"}"),
        400,
        "Cannot read the tree");
    assertError(
        platform.postJson("/finops/forecast", "{\"provider\": \"openai\"}"),
        400,
        "'changeSpec' is required");
    assertError(
        platform.postJson("/finops/forecast", "{\"changeSpec\": " + spec + ", \"budget\": 3}"),
        400,
        "Unknown field(s) [budget]");
    assertError(
        platform.postJson("/finops/forecast", "{\"changeSpec\": " + spec + ", \"model\": 4}"),
        400,
        "'model' must be a string");
  }

  @Test
  void modelPoliciesAreListedReplacedByTaskValidatedAndDeleted() {
    Response list = platform.get(platform.servicePorts[3], "/policies/models");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get(0).has("budgetCeiling")).isTrue();
    assertThat(list.json().get(0).has("priority")).isTrue();

    Response stored =
        put(
            "/policies/models",
            "{\"task\": \"it-review\", \"model\": \"claude-3-5-haiku\", \"budgetCeiling\": 0.75, \"priority\": 9}");
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    assertThat(stored.json().get("provider").asText()).isEqualTo("anthropic");
    assertThat(stored.json().get("source").asText()).isEqualTo("stored");
    Response replaced =
        put(
            "/policies/models",
            "{\"task\": \"it-review\", \"provider\": \"openai\", \"model\": \"gpt-4.1-mini\", \"budgetCeiling\": 1, \"priority\": 9}");
    assertThat(replaced.json().get("model").asText()).isEqualTo("gpt-4.1-mini");
    assertThat(policy("it-review").get("model").asText()).isEqualTo("gpt-4.1-mini");

    Response invalid =
        put(
            "/policies/models",
            "{\"task\": \"Bad Task\", \"provider\": \"acme\", \"model\": \"gpt-9\", \"budgetCeiling\": 0, \"priority\": -1}");
    assertError(invalid, 400, "Invalid request");
    assertThat(invalid.json().get("details").asText())
        .contains(
            "'task' is required",
            "unknown provider 'acme'",
            "unknown model 'gpt-9'",
            "'budgetCeiling' must be more than 0",
            "'priority' must be from 0");
    Response types =
        put(
            "/policies/models",
            "{\"task\": 7, \"model\": \"gpt-4.1\", \"budgetCeiling\": \"cheap\", \"priority\": 1.5}");
    assertError(types, 400, "Invalid policy");
    assertThat(types.json().get("details").asText())
        .contains(
            "'task' must be a string",
            "'budgetCeiling' must be a number",
            "'priority' must be a whole number");
    assertError(
        put(
            "/policies/models",
            "{\"task\": \"x\", \"model\": \"gpt-4.1\", \"budgetCeiling\": 1, \"priority\": 1, \"color\": \"red\"}"),
        400,
        "Unknown field(s) [color]");

    Response deleted =
        platform.send(
            HttpRequest.newBuilder(URI.create(platform.url() + "/policies/models/it-review"))
                .DELETE()
                .build());
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().get("deleted").asText()).isEqualTo("it-review");
    assertThat(policy("it-review")).isNull();
    assertError(
        platform.send(
            HttpRequest.newBuilder(URI.create(platform.url() + "/policies/models/it-review"))
                .DELETE()
                .build()),
        404,
        "Not found");
  }

  @Test
  void thePriceTableIsServed() {
    JsonNode table = platform.get("/finops/models").json();

    assertThat(table.get("asOf").asText()).isEqualTo("2025-06-01");
    assertThat(table.at("/defaultModels/openai").asText()).isEqualTo("gpt-4.1");
    assertThat(table.get("models").size()).isGreaterThan(10);
  }

  private JsonNode policy(String task) {
    for (JsonNode p : platform.get("/policies/models").json()) {
      if (p.get("task").asText().equals(task)) {
        return p;
      }
    }
    return null;
  }

  private Response put(String path, String json) {
    return platform.send(
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private static void awaitDelivery(WebhookReceiver webhook, String alertId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (webhook.delivered(alertId).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no delivery of " + alertId + "; received: " + webhook.received());
      }
      TestPlatform.sleep(Duration.ofMillis(100));
    }
  }

  private List<String> events(String stream) throws Exception {
    DataSource dataSource = platform.platform.context().getBean(DataSource.class);
    try (Connection c = dataSource.getConnection();
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

  private static void assertError(Response response, int status, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.has("error")).as(response.body()).isTrue();
    assertThat(body.get("error").asText()).as(response.body()).contains(message);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
  }
}
