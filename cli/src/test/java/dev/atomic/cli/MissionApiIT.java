package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.evidence.EvidenceEvent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REST facade against the running platform: the runbook's calls and every bad input. */
class MissionApiIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void everyServicePortAnswersHealthWithItsServiceName() {
    String[] names = {"gateway", "orchestrator", "dte", "finops", "evidence"};
    for (int i = 0; i < names.length; i++) {
      Response health = platform.get(platform.servicePorts[i], "/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("healthy");
      assertThat(health.json().get("service").asText()).isEqualTo(names[i]);
    }
    assertThat(platform.get("/health").json().get("service").asText()).isEqualTo("atomic");
  }

  @Test
  void actuatorReportsTemporalDatabaseAndProbes() {
    JsonNode health = platform.get("/actuator/health").json();

    assertThat(health.get("status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/temporal/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/workers/details/workers").asText()).isEqualTo("polling");
    assertThat(platform.get("/actuator/health/liveness").status()).isEqualTo(200);
    Response readiness = platform.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.body()).contains("temporal");
  }

  @Test
  void theRunbookMissionFlowWorksOverRest() throws Exception {
    Response created =
        platform.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + platform.servicePorts[1] + "/missions"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"API Migration\",\"risk\":\"medium\"}"))
                .build());
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("missionId").asText();
    assertThat(id).matches("M-[A-Z0-9]+");
    assertThat(created.json().get("status").asText()).isEqualTo("awaiting_approval");
    assertThat(checkpoint(created.json(), "plan").get("status").asText())
        .isEqualTo("awaiting_approval");
    assertThat(checkpoint(created.json(), "plan").get("actor").asText()).isEqualTo("human");

    Response approved = platform.postEmpty("/missions/" + id + "/checkpoints/plan/approve");
    assertThat(approved.status()).isEqualTo(200);
    assertThat(checkpoint(approved.json(), "plan").get("status").asText()).isEqualTo("approved");
    assertThat(checkpoint(approved.json(), "execute").get("status").asText())
        .isEqualTo("awaiting_approval");

    Response batch = platform.postEmpty("/missions/" + id + "/batches");
    assertThat(batch.status()).isEqualTo(201);
    assertThat(batch.json().get("id").asText()).isEqualTo("batch-1");
    assertThat(batch.json().get("reversible").asBoolean()).isTrue();
    assertThat(batch.json().get("prs").isArray()).isTrue();

    assertThat(ids(platform.get("/missions?status=active").json())).contains(id);

    Response rollback = platform.postEmpty("/missions/" + id + "/rollback/batch-1");
    assertThat(rollback.status()).isEqualTo(200);
    assertThat(rollback.json().get("success").asBoolean()).isTrue();
    assertThat(platform.postEmpty("/missions/" + id + "/rollback/batch-1").status()).isEqualTo(409);
    assertThat(platform.postEmpty("/missions/" + id + "/rollback/batch-7").status()).isEqualTo(404);

    Response executed =
        platform.postJson(
            "/missions/" + id + "/checkpoints/execute/approve",
            "{\"actor\":\"bob\",\"comment\":\"ok\"}");
    assertThat(executed.json().get("status").asText()).isEqualTo("finalizing");
    assertThat(checkpoint(executed.json(), "verify").at("/metrics/result").asText())
        .isEqualTo("nothing to verify");
    assertThat(checkpoint(executed.json(), "execute").at("/decision/by").asText()).isEqualTo("bob");
    Response finalized = platform.postEmpty("/missions/" + id + "/checkpoints/finalize/approve");
    assertThat(finalized.json().get("status").asText()).isEqualTo("completed");

    assertThat(platform.get("/missions/" + id).json()).isEqualTo(finalized.json());
    assertThat(ids(platform.get("/missions?status=completed").json())).contains(id);
    assertThat(ids(platform.get("/missions?status=active").json())).doesNotContain(id);
    List<EvidenceEvent> events = platform.store().events(id);
    assertThat(events)
        .extracting(EvidenceEvent::type)
        .startsWith("MissionCreated")
        .endsWith("MissionCompleted");
    assertThat(events).extracting(EvidenceEvent::id).doesNotHaveDuplicates();
  }

  @Test
  void rejectingEndsTheMissionAndFurtherDecisionsConflict() {
    String id = platform.createMission("Reject me", "medium");

    Response rejected =
        platform.postJson(
            "/missions/" + id + "/checkpoints/plan/reject",
            "{\"actor\":\"bob\",\"comment\":\"no\"}");
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");

    Response late = platform.postEmpty("/missions/" + id + "/checkpoints/execute/approve");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("error").asText()).contains("is rejected");
    assertThat(ids(platform.get("/missions?status=rejected").json())).contains(id);
  }

  @Test
  void badInputGetsAClearJsonErrorAndWritesNothing() {
    int before = platform.get("/missions?limit=1000").json().size();

    assertError(platform.postJson("/missions", "{\"risk\":\"low\"}"), 400, "'title' is required");
    assertError(platform.postJson("/missions", "{\"title\":\"   \"}"), 400, "'title' is required");
    assertError(
        platform.postJson("/missions", "{\"title\":\"x\",\"risk\":\"extreme\"}"),
        400,
        "'risk' must be one of [low, medium, high]");
    Response malformed = platform.postJson("/missions", "{\"title\": \"x\",, }");
    assertError(malformed, 400, "Malformed JSON");
    assertThat(malformed.json().get("details").asText()).contains("line 1, column");
    assertError(
        platform.send(
            HttpRequest.newBuilder(URI.create(platform.url() + "/missions"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("title=x"))
                .build()),
        415,
        "Content-Type must be application/json");
    String huge = "{\"title\":\"" + "a".repeat(TestPlatform.MAX_BODY_SIZE) + "\"}";
    assertError(platform.postJson("/missions", huge), 413, "MAX_BODY_SIZE");
    assertError(platform.get("/missions?status=sideways"), 400, "'status' must be one of [active,");
    assertError(
        platform.postJson(
            "/missions", "{\"title\":\"x\",\"requestedBy\":\"" + "a".repeat(201) + "\"}"),
        400,
        "'requestedBy' is longer than 200 characters");

    assertThat(platform.get("/missions?limit=1000").json().size()).isEqualTo(before);
    // An actor too long for the evidence store is refused up front, and the mission goes on.
    String id = platform.createMission("Long actor", "medium");
    assertError(
        platform.postJson(
            "/missions/" + id + "/checkpoints/plan/approve",
            "{\"actor\":\"" + "b".repeat(201) + "\"}"),
        400,
        "'actor' is longer than 200 characters");
    assertThat(platform.postEmpty("/missions/" + id + "/checkpoints/plan/approve").status())
        .isEqualTo(200);
  }

  @Test
  void unknownThingsAreNotFoundAndWrongStatesConflict() {
    assertError(platform.get("/missions/M-NOSUCH"), 404, "Mission not found");
    assertError(platform.get("/missions/M-..;rm%20-rf"), 400, "Request rejected");
    assertError(platform.get("/missions/M-..%2F..%2Fetc%2Fpasswd"), 400, "Bad Request");
    Response traversal = platform.get("/missions/../../etc/passwd");
    assertThat(traversal.status()).isIn(400, 404);
    assertThat(traversal.body()).startsWith("{").doesNotContain("root:");
    assertError(
        platform.postEmpty("/missions/M-NOSUCH/checkpoints/plan/approve"),
        404,
        "Mission not found");
    String id = platform.createMission("States", "medium");
    assertError(
        platform.postEmpty("/missions/" + id + "/checkpoints/deploy/approve"),
        404,
        "Checkpoint not found");
    Response pending = platform.postEmpty("/missions/" + id + "/checkpoints/execute/approve");
    assertError(pending, 409, "checkpoint execute is pending, not awaiting_approval");
    assertError(
        platform.postEmpty("/missions/" + id + "/batches"), 409, "only while execute is open");
    assertError(platform.get("/no/such/path"), 404, "Not found");
  }

  @Test
  void textNoStepCouldStoreIsRefusedAtTheEdgeAndNothingIsWritten() {
    int before = platform.get("/missions?limit=1000").json().size();

    assertError(
        platform.postJson("/missions", "{\"title\":\"bad \\ud800 title\"}"),
        400,
        "'title' holds an unpaired UTF-16 surrogate");
    assertError(
        platform.postJson("/missions", "{\"title\":\"nul \\u0000\"}"),
        400,
        "'title' holds a NUL character");
    assertError(
        platform.postJson("/missions", "{\"title\":\"two\\nlines\"}"),
        400,
        "'title' holds a control character (U+000A)");
    assertError(
        platform.postJson("/missions", "{\"title\":\"ok\",\"actor\":\"\\udc00x\"}"),
        400,
        "'actor' holds an unpaired UTF-16 surrogate");
    String id = platform.createMission("Storable", "medium");
    assertError(
        platform.postJson(
            "/evidence/events",
            "{\"type\":\"CiRun\",\"missionId\":\""
                + id
                + "\",\"data\":{\"steps\":[{\"name\":\"x\\ud83d\"}]}}"),
        400,
        "'data.steps[0].name' holds an unpaired UTF-16 surrogate");
    assertError(
        platform.postJson(
            "/missions/" + id + "/checkpoints/plan/approve", "{\"comment\":\"x\\u0000\"}"),
        400,
        "'comment' holds a NUL character");

    assertThat(platform.get("/missions?limit=1000").json().size()).isEqualTo(before + 1);
    assertThat(platform.get("/missions/" + id).json().at("/checkpoints/0/status").asText())
        .isEqualTo("awaiting_approval");
  }

  @Test
  void aHighRiskPlanCannotBeApprovedByItsRequester() {
    Response created =
        platform.postJson(
            "/missions", "{\"title\":\"Risky\",\"risk\":\"high\",\"requestedBy\":\"alice\"}");
    String id = created.json().get("missionId").asText();

    Response own =
        platform.postJson("/missions/" + id + "/checkpoints/plan/approve", "{\"actor\":\"alice\"}");

    assertError(own, 403, "someone other than its requester");
    assertThat(
            platform
                .postJson("/missions/" + id + "/checkpoints/plan/approve", "{\"actor\":\"bob\"}")
                .status())
        .isEqualTo(200);
  }

  private static void assertError(Response response, int status, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.has("error")).as(response.body()).isTrue();
    if (message != null) {
      assertThat(body.get("error").asText()).contains(message);
    }
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
  }

  private static JsonNode checkpoint(JsonNode mission, String name) {
    for (JsonNode checkpoint : mission.get("checkpoints")) {
      if (checkpoint.get("name").asText().equals(name)) {
        return checkpoint;
      }
    }
    throw new AssertionError("no checkpoint " + name + " in " + mission);
  }

  private static List<String> ids(JsonNode missions) {
    List<String> ids = new ArrayList<>();
    missions.forEach(m -> ids.add(m.get("missionId").asText()));
    return ids;
  }
}
