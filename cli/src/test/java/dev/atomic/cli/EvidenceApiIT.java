package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.dte.DemoRepo;
import dev.atomic.evidence.Sha256;
import dev.atomic.evidence.pack.Packs;
import dev.atomic.evidence.pack.SigningKeys;
import dev.atomic.mission.MissionWorkflowImpl;
import dev.atomic.platform.Json;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence API against the running platform: external events in a live mission's chain, the
 * provenance graph, the timeline and its check, and an audit pack exported with the runbook's own
 * request that {@code atomic evidence verify} accepts, and refuses once tampered with.
 */
class EvidenceApiIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void aMissionsEvidenceIsAGraphATimelineAndAPackThatVerifiesOffline(@TempDir Path dir)
      throws Exception {
    String id = platform.createMission("Evidence walk", "medium");
    approve(id, "plan", "{\"actor\":\"bob\",\"comment\":\"scope ok\"}");
    assertThat(
            platform
                .postJson(
                    "/missions/" + id + "/batches",
                    "{\"actor\":\"agent-1\",\"description\":\"auth\"}")
                .status())
        .isEqualTo(201);
    assertThat(platform.postEmpty("/missions/" + id + "/batches").status()).isEqualTo(201);
    assertThat(
            platform
                .postJson(
                    "/missions/" + id + "/rollback/batch-2",
                    "{\"actor\":\"bob\",\"reason\":\"flaky\"}")
                .status())
        .isEqualTo(200);

    // An external producer's event takes the position the workflow's next event would have had.
    Response posted =
        platform.postJson(
            "/evidence/events",
            "{\"type\":\"CiPipelinePassed\",\"missionId\":\""
                + id
                + "\",\"actor\":\"ci\","
                + "\"data\":{\"batchId\":\"batch-1\",\"pipeline\":42,\"tests\":{\"run\":120,\"failed\":0}}}");
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    JsonNode event = posted.json();
    assertThat(event.get("id").asText()).isEqualTo("EVT-" + id + "-" + event.get("seq").asLong());
    assertThat(event.get("type").asText()).isEqualTo("CiPipelinePassed");
    assertThat(event.get("missionId").asText()).isEqualTo(id);
    assertThat(event.get("actor").asText()).isEqualTo("ci");
    assertThat(event.at("/data/tests/run").asInt()).isEqualTo(120);
    assertThat(event.get("timestamp").asText()).endsWith("Z");
    assertThat(event.get("prevHash").asText()).hasSize(64);
    assertThat(event.get("hash").asText()).hasSize(64);

    approve(id, "execute", "{\"actor\":\"bob\"}");
    JsonNode done = approve(id, "finalize", "{\"actor\":\"carol\",\"comment\":\"ship it\"}");
    assertThat(done.get("status").asText()).isEqualTo("completed");

    JsonNode graph = platform.get("/evidence/mission/" + id).json();
    assertThat(nodes(graph, "mission")).containsExactly(id);
    assertThat(nodes(graph, "checkpoint"))
        .containsExactly(cp(id, "plan"), cp(id, "execute"), cp(id, "verify"), cp(id, "finalize"));
    assertThat(nodes(graph, "batch"))
        .containsExactly(id + "/batch/batch-1", id + "/batch/batch-2", id + "/rollback/batch-2");
    assertThat(edges(graph))
        .contains(
            id + " -created-> " + cp(id, "plan"),
            cp(id, "plan") + " -enables-> " + cp(id, "execute"),
            id + "/batch/batch-1 -partOf-> " + cp(id, "execute"),
            id + "/batch/batch-2 -partOf-> " + cp(id, "execute"),
            id + "/rollback/batch-2 -reverts-> " + id + "/batch/batch-2",
            cp(id, "execute") + " -enables-> " + cp(id, "verify"),
            cp(id, "verify") + " -enables-> " + cp(id, "finalize"));
    assertThat(node(graph, id + "/batch/batch-1").at("/data/events").toString())
        .contains(event.get("id").asText());
    assertThat(node(graph, cp(id, "plan")).at("/data/decision/by").asText()).isEqualTo("bob");
    assertThat(node(graph, id).at("/data/outcome").asText()).isEqualTo("completed");

    JsonNode timeline = platform.get("/evidence/mission/" + id + "/events").json();
    List<JsonNode> events = new ArrayList<>();
    timeline.get("events").forEach(events::add);
    assertThat(timeline.get("count").asInt()).isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).get("seq").asLong()).isEqualTo(i + 1);
      String previous = i == 0 ? "0".repeat(64) : events.get(i - 1).get("hash").asText();
      assertThat(events.get(i).get("prevHash").asText()).isEqualTo(previous);
    }
    assertThat(events)
        .extracting(e -> e.get("type").asText())
        .contains("CiPipelinePassed")
        .startsWith("MissionCreated")
        .endsWith("MissionCompleted");
    JsonNode verified = platform.get("/evidence/mission/" + id + "/verify").json();
    assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
    assertThat(verified.get("checked").asInt()).isEqualTo(events.size());
    assertThat(verified.at("/head/hash").asText())
        .isEqualTo(events.get(events.size() - 1).get("hash").asText());

    // The runbook: curl -X POST http://localhost:3005/evidence/export -H "Content-Type:
    // application/json"
    //   -d "{\"missionId\":\"$MISSION_ID\"}" -o audit-pack.zip
    HttpResponse<byte[]> export = runbookExport(id);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(export.headers().firstValue("Content-Disposition").orElse(""))
        .contains("audit-pack-" + id + ".zip");
    Path pack = Files.write(dir.resolve("audit-pack.zip"), export.body());
    Path publicKey = platform.home.resolve("keys").resolve(SigningKeys.PUBLIC_KEY_FILE);

    CliRun withKey =
        CliRun.atomic("evidence", "verify", pack.toString(), "--key", publicKey.toString());
    assertThat(withKey.exitCode()).as(withKey.out() + withKey.err()).isZero();
    assertThat(withKey.out())
        .contains("PASS  signature", "PASS  events", "PASS  approvals", "audit pack verified");
    CliRun ownKey = CliRun.atomic("evidence", "verify", pack.toString(), "--output", "json");
    assertThat(ownKey.exitCode()).isZero();
    JsonNode checks = Json.mapper().readTree(ownKey.out());
    assertThat(checks.get("ok").asBoolean()).isTrue();
    assertThat(checks.at("/checks/2/message").asText()).contains("the pack's own key");
    assertThat(platform.get("/evidence/public-key").body()).isEqualTo(Files.readString(publicKey));

    Map<String, byte[]> entries = Packs.entries(export.body());
    assertThat(entries.keySet())
        .contains(
            "manifest.json",
            "public-key.pem",
            "events.jsonl",
            "provenance.json",
            "approvals.json",
            "verification.json",
            "versions.json",
            "history.json")
        .doesNotContain("changespec.json", "mutation.json", "finops.json");
    String statement = statement(entries);
    assertThat(statement)
        .contains("\"name\":\"changespec.json\",\"reason\":\"no ChangeSpec is attached")
        .contains(
            "\"name\":\"mutation.json\",\"reason\":\"mutation testing did not run: nothing to verify")
        .contains("\"name\":\"finops.json\"")
        .contains("\"name\":\"diffs/\"");
    JsonNode approvals = Json.mapper().readTree(entries.get("approvals.json"));
    assertThat(approvals)
        .extracting(a -> a.get("checkpoint").asText() + " by " + a.get("by").asText())
        .containsExactly("plan by bob", "execute by bob", "finalize by carol");
    assertThat(approvals.get(0).get("comment").asText()).isEqualTo("scope ok");
    JsonNode versions = Json.mapper().readTree(entries.get("versions.json"));
    assertThat(versions.at("/libraries/temporal-sdk").asText()).startsWith("1.");
    assertThat(versions.at("/libraries/spring-boot").asText()).startsWith("4.");
    assertThat(versions.at("/java/version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(Json.mapper().readTree(entries.get("provenance.json")))
        .isEqualTo(graphAt(id, events.size()));
    String[] lines = new String(entries.get("events.jsonl"), StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(events.size());

    // The history replays against the workflow code: the workflow is deterministic.
    WorkflowExecutionHistory history =
        WorkflowExecutionHistory.fromJson(
            new String(entries.get("history.json"), StandardCharsets.UTF_8));
    WorkflowReplayer.replayWorkflowExecution(history, MissionWorkflowImpl.class);

    // The export is itself evidence: after the events the pack holds, naming its digest.
    JsonNode after = platform.get("/evidence/mission/" + id + "/events").json().get("events");
    JsonNode generated = after.get(after.size() - 1);
    assertThat(generated.get("type").asText()).isEqualTo("AuditPackGenerated");
    assertThat(generated.at("/data/sha256").asText()).isEqualTo(Sha256.hex(export.body()));
    assertThat(generated.at("/data/lastEvent").asText())
        .isEqualTo(events.get(events.size() - 1).get("id").asText());
    assertThat(export.headers().firstValue("X-Atomic-Event"))
        .hasValue(generated.get("id").asText());
    assertThat(platform.get("/evidence/mission/" + id + "/verify").json().get("ok").asBoolean())
        .isTrue();

    // Tampered packs are refused with the check that caught them.
    Path forged =
        Files.write(
            dir.resolve("forged.zip"),
            Packs.edit(
                export.body(),
                e ->
                    e.put(
                        "approvals.json",
                        new String(e.get("approvals.json"), StandardCharsets.UTF_8)
                            .replace("\"carol\"", "\"mallory\"")
                            .getBytes(StandardCharsets.UTF_8))));
    CliRun refused =
        CliRun.atomic("evidence", "verify", forged.toString(), "--key", publicKey.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).contains("FAIL  files", "audit pack NOT verified");
    assertThat(refused.err()).contains("error: files: approvals.json: sha256 mismatch");
    Path cut =
        Files.write(
            dir.resolve("cut.zip"), Packs.edit(export.body(), e -> e.remove("history.json")));
    CliRun cutRun = CliRun.atomic("evidence", "verify", cut.toString());
    assertThat(cutRun.exitCode()).isEqualTo(1);
    assertThat(cutRun.err())
        .contains("history.json is listed in the manifest but missing from the pack");
    Path otherKey =
        Files.writeString(dir.resolve("other.pub.pem"), SigningKeys.generate().publicKeyPem());
    CliRun wrongKey =
        CliRun.atomic("evidence", "verify", pack.toString(), "--key", otherKey.toString());
    assertThat(wrongKey.exitCode()).isEqualTo(1);
    assertThat(wrongKey.err()).contains("public-key.pem does not match the given key");
    CliRun missing = CliRun.atomic("evidence", "verify", dir.resolve("nope.zip").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file");
    CliRun notZip =
        CliRun.atomic(
            "evidence", "verify", Files.writeString(dir.resolve("x.zip"), "hello").toString());
    assertThat(notZip.exitCode()).isEqualTo(1);
    assertThat(notZip.err()).contains("archive: not a readable ZIP archive");
  }

  @Test
  void theCliExportsReadsAndChecksEvidence(@TempDir Path dir) throws Exception {
    String id = platform.createMission("CLI evidence", "medium");
    approve(id, "plan", "{\"actor\":\"bob\"}");
    Path file = dir.resolve("out/pack.zip");

    CliRun export =
        CliRun.atomic(
            "evidence",
            "export",
            "--mission",
            id,
            "-o",
            file.toString(),
            "--url",
            platform.url(),
            "--actor",
            "auditor",
            "--change-spec",
            DemoRepo.EXAMPLES.resolve("specs/CS-001.json").toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out())
        .contains("wrote " + file, "sha256 " + Sha256.hex(Files.readAllBytes(file)));
    assertThat(Packs.entries(Files.readAllBytes(file))).containsKey("changespec.json");
    assertThat(CliRun.atomic("evidence", "verify", file.toString()).exitCode()).isZero();

    CliRun events = CliRun.atomic("evidence", "events", "--mission", id, "--url", platform.url());
    assertThat(events.exitCode()).as(events.err()).isZero();
    assertThat(events.out())
        .contains("MissionCreated", "CheckpointApproved", "AuditPackGenerated", "auditor");
    CliRun chain =
        CliRun.atomic("evidence", "verify-chain", "--mission", id, "--url", platform.url());
    assertThat(chain.exitCode()).isZero();
    assertThat(chain.out()).startsWith("chain of " + id + " intact:");
    CliRun unknown =
        CliRun.atomic(
            "evidence",
            "export",
            "--mission",
            "M-NOSUCH",
            "-o",
            file.toString(),
            "--url",
            platform.url());
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(unknown.err()).contains("Mission not found");
  }

  @Test
  void badInputGetsAClearJsonErrorAndWritesNothing() {
    String id = platform.createMission("Evidence input", "medium");
    int before = chainLength(id);

    assertError(platform.postEmpty("/evidence/events"), 400, "Request body is required");
    assertError(event("{\"missionId\":\"" + id + "\",\"data\":{}}"), 400, "'type' is required");
    assertError(event("{\"type\":\"CiPassed\",\"data\":{}}"), 400, "'missionId' is required");
    assertError(
        event("{\"type\":\"ci passed\",\"missionId\":\"" + id + "\"}"),
        400,
        "'type' must be a PascalCase name");
    assertError(
        event(
            "{\"type\":\"CheckpointApproved\",\"missionId\":\""
                + id
                + "\",\"data\":{\"checkpoint\":\"plan\"}}"),
        422,
        "recorded by the platform itself");
    assertError(
        event("{\"type\":\"CiPassed\",\"missionId\":\"M-NOSUCH\",\"data\":{}}"),
        404,
        "Mission not found");
    assertError(
        event("{\"type\":\"CiPassed\",\"missionId\":\"" + id + "\",\"data\":[1]}"),
        400,
        "'data' must be a JSON object");
    assertError(
        event(
            "{\"type\":\"CiPassed\",\"missionId\":\""
                + id
                + "\",\"data\":{},\"timestamp\":\"2020-01-01T00:00:00Z\"}"),
        400,
        "Unknown field(s) [timestamp]");
    assertError(
        event(
            "{\"type\":\"CiPassed\",\"missionId\":\""
                + id
                + "\",\"data\":{\"n\":1152921504606846976}}"),
        400,
        "'data' cannot be recorded");
    assertError(
        event(
            "{\"type\":\"CiPassed\",\"missionId\":\""
                + id
                + "\",\"data\":{\"log\":\""
                + "x".repeat(TestPlatform.MAX_EVENT_BYTES)
                + "\"}}"),
        413,
        "more than the limit of " + TestPlatform.MAX_EVENT_BYTES);
    assertError(
        event(
            "{\"type\":\"CiPassed\",\"missionId\":\""
                + id
                + "\",\"actor\":\""
                + "a".repeat(201)
                + "\"}"),
        400,
        "'actor' is longer than 200 characters");
    assertError(event("{\"type\": \"CiPassed\",, }"), 400, "Malformed JSON");
    assertError(
        textPlain("/evidence/events", "type=CiPassed"),
        415,
        "Content-Type must be application/json");

    assertError(platform.postJson("/evidence/export", "{}"), 400, "'missionId' is required");
    assertError(
        platform.postJson("/evidence/export", "{\"missionId\":\"M-NOSUCH\"}"),
        404,
        "Mission not found");
    assertError(
        platform.postJson(
            "/evidence/export", "{\"missionId\":\"" + id + "\",\"changeSpec\":{\"id\":\"bad\"}}"),
        422,
        "Invalid ChangeSpec");
    assertError(
        platform.postJson(
            "/evidence/export", "{\"missionId\":\"" + id + "\",\"changeSpec\":\"CS-001\"}"),
        400,
        "'changeSpec' must be a JSON object");
    assertError(
        textPlain("/evidence/export", "missionId=" + id),
        415,
        "Content-Type must be application/json");
    assertError(platform.get("/evidence/mission/M-NOSUCH"), 404, "Mission not found");
    assertError(platform.get("/evidence/mission/M-NOSUCH/events"), 404, "Mission not found");
    assertError(platform.get("/evidence/mission/M-NOSUCH/verify"), 404, "Mission not found");

    assertThat(chainLength(id)).isEqualTo(before);
  }

  private Response event(String json) {
    return platform.postJson("/evidence/events", json);
  }

  private Response textPlain(String path, String body) {
    return platform.send(
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private int chainLength(String id) {
    return platform.get("/evidence/mission/" + id + "/events").json().get("count").asInt();
  }

  private HttpResponse<byte[]> runbookExport(String missionId)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + platform.servicePorts[4] + "/evidence/export"))
            .header("Content-Type", "application/json")
            .header("Accept", "*/*")
            .POST(HttpRequest.BodyPublishers.ofString("{\"missionId\":\"" + missionId + "\"}"))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The graph as it stood before the export's own event. */
  private JsonNode graphAt(String id, int events) throws IOException {
    JsonNode chain = platform.get("/evidence/mission/" + id + "/events").json().get("events");
    List<dev.atomic.evidence.ChainedEvent> prefix = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      prefix.add(dev.atomic.evidence.ChainedEvent.fromJson(chain.get(i).toString()));
    }
    return Json.mapper()
        .readTree(dev.atomic.evidence.provenance.Provenance.of(id, prefix).toJson());
  }

  private JsonNode approve(String id, String checkpoint, String body) {
    Response response =
        platform.postJson("/missions/" + id + "/checkpoints/" + checkpoint + "/approve", body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static String cp(String id, String name) {
    return id + "/checkpoint/" + name;
  }

  private static List<String> nodes(JsonNode graph, String type) {
    List<String> ids = new ArrayList<>();
    graph
        .get("nodes")
        .forEach(
            n -> {
              if (n.get("type").asText().equals(type)) {
                ids.add(n.get("id").asText());
              }
            });
    return ids;
  }

  private static JsonNode node(JsonNode graph, String id) {
    for (JsonNode node : graph.get("nodes")) {
      if (node.get("id").asText().equals(id)) {
        return node;
      }
    }
    throw new AssertionError("no node " + id);
  }

  private static List<String> edges(JsonNode graph) {
    List<String> edges = new ArrayList<>();
    graph
        .get("edges")
        .forEach(
            e ->
                edges.add(
                    e.get("from").asText()
                        + " -"
                        + e.get("relation").asText()
                        + "-> "
                        + e.get("to").asText()));
    return edges;
  }

  private static String statement(Map<String, byte[]> entries) throws IOException {
    JsonNode envelope = Json.mapper().readTree(entries.get("manifest.json"));
    return new String(
        java.util.Base64.getDecoder().decode(envelope.get("payload").asText()),
        StandardCharsets.UTF_8);
  }

  private static void assertError(Response response, int status, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.has("error")).as(response.body()).isTrue();
    assertThat(body.get("error").asText()).as(response.body()).contains(message);
    assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
  }
}
