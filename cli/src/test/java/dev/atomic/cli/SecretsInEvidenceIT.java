package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RuleSamples;
import dev.atomic.mission.MissionWorkflowImpl;
import dev.atomic.platform.Json;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every secret rule's sample, as a bare value and as a {@code {NAME: value}} pair, through every
 * path that writes evidence on the running platform — a mission's title and decision comments
 * (events the workflow records), batch descriptions, external events — and none of the secrets is
 * found in the stored chain, in the audit pack (its Temporal history included) or in the log.
 * Budget events pass the same redactor ({@code FinOpsRedactionTest}); their data holds no free text
 * a client sends.
 */
@Timeout(900)
class SecretsInEvidenceIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void noRuleSampleReachesTheChainThePackOrTheLog() throws Exception {
    Map<String, String> samples = secretSamples();
    List<String> secrets = new ArrayList<>();
    RedactionEngine engine = new RedactionEngine();
    samples.values().forEach(text -> secrets.addAll(secretsIn(engine, text)));
    assertThat(secrets).hasSizeGreaterThan(50);

    List<String> missions = new ArrayList<>();
    String logs;
    try (LogCapture log = new LogCapture()) {
      String id = platform.createMission("Secrets through every path", "medium");
      missions.add(id);
      List<String> descriptions = new ArrayList<>();
      for (Map.Entry<String, String> sample : samples.entrySet()) {
        String name = sample.getKey().toUpperCase(Locale.ROOT);
        String text = sample.getValue();
        String line = oneLine(text);
        boolean oneLine = !text.contains("\n");
        if (oneLine && line.length() <= 500) {
          // The mission path: the title becomes the workflow's MissionCreated event.
          Response created = platform.postJson("/missions", Json.write(Map.of("title", line)));
          assertThat(created.status()).as(created.body()).isEqualTo(201);
          missions.add(created.json().get("missionId").asText());
        }
        if (oneLine) {
          // Titles, comments and descriptions are one line; a multi-line sample goes through
          // the external events below as it is.
          descriptions.add(line);
        }
        // External events: bare, as a {NAME: value} pair, nested, and as a name/value entry.
        record(id, Map.of("log", text));
        for (String value : secretsIn(engine, text)) {
          record(id, Map.of(name, value));
          record(id, Map.of("env", List.of(Map.of("name", name, "value", value))));
          record(id, Map.of("nested", Map.of("config", Map.of(name, value))));
        }
      }

      // The workflow's own events: decision comments and batch descriptions (2,000 characters
      // at most each, so the samples are spread over several).
      List<String> texts = chunks(descriptions, 2000);
      decide(id, "plan", texts.get(0));
      for (String text : texts) {
        Response batch =
            platform.postJson(
                "/missions/" + id + "/batches",
                Json.write(Map.of("agent", "agent-7", "description", text)));
        assertThat(batch.status()).as(batch.body()).isEqualTo(201);
      }
      decide(id, "execute", texts.get(1 % texts.size()));
      decide(id, "finalize", texts.get(2 % texts.size()));
      awaitStatus(id, "completed");

      // The stored chain, over REST as an auditor reads it, for every mission written.
      for (String mission : missions) {
        String chain = platform.get("/evidence/mission/" + mission + "/events").body();
        assertThat(secrets).allSatisfy(s -> assertThat(chain).doesNotContain(s));
        assertThat(
                platform
                    .get("/evidence/mission/" + mission + "/verify")
                    .json()
                    .get("ok")
                    .asBoolean())
            .isTrue();
      }
      assertThat(platform.get("/evidence/mission/" + id + "/events").body())
          .contains(Kind.SECRET.placeholder());

      // The audit pack: every file, decoded history payloads included; it still verifies.
      byte[] pack = exportPack(id);
      Map<String, String> files = unzip(pack);
      String packText =
          String.join("\n", files.values()) + decodedPayloads(files.get("history.json"));
      assertThat(secrets).allSatisfy(s -> assertThat(packText).doesNotContain(s));
      JsonNode redactions = Json.mapper().readTree(files.get("redactions.json")).get("redacted");
      assertThat(redactions.toString()).contains("history.json").contains("generic_secret");
      CliRun verified = CliRun.atomic("evidence", "verify", save(pack).toString());
      assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
      assertThat(verified.out()).contains("history.json (redactions.json)");
      WorkflowReplayer.replayWorkflowExecution(
          WorkflowExecutionHistory.fromJson(files.get("history.json")), MissionWorkflowImpl.class);
      logs = log.text();
    }

    assertThat(secrets).allSatisfy(s -> assertThat(logs).doesNotContain(s));
  }

  private void record(String missionId, Map<String, Object> data) {
    Response event =
        platform.postJson(
            "/evidence/events",
            Json.write(Map.of("type", "CiPipelinePassed", "missionId", missionId, "data", data)));
    assertThat(event.status()).as(event.body()).isEqualTo(201);
  }

  private void decide(String missionId, String checkpoint, String comment) {
    Response decided =
        platform.postJson(
            "/missions/" + missionId + "/checkpoints/" + checkpoint + "/approve",
            Json.write(
                Map.of("actor", checkpoint.equals("plan") ? "bob" : "carol", "comment", comment)));
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
  }

  /** The lines joined into texts of at most {@code max} characters; longer lines are left out. */
  private static List<String> chunks(List<String> lines, int max) {
    List<String> texts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.length() > max) {
        continue;
      }
      if (current.length() + line.length() + 1 > max) {
        texts.add(current.toString());
        current.setLength(0);
      }
      current.append(current.length() == 0 ? "" : " ").append(line);
    }
    if (current.length() > 0) {
      texts.add(current.toString());
    }
    return texts;
  }

  /** The samples of the secret rules (personal data stays in evidence: it says who did what). */
  private static Map<String, String> secretSamples() {
    RedactionEngine engine = new RedactionEngine();
    Map<String, String> samples = new LinkedHashMap<>();
    RuleSamples.all()
        .forEach(
            (rule, text) -> {
              if (!secretsIn(engine, text).isEmpty()) {
                samples.put(rule, text);
              }
            });
    return samples;
  }

  private static List<String> secretsIn(RedactionEngine engine, String text) {
    return engine.scan(text).redactions().stream()
        .filter(r -> r.kind() == Kind.SECRET)
        .map(r -> text.substring(r.start(), r.end()))
        .toList();
  }

  /** Titles are one line: line breaks become spaces. */
  private static String oneLine(String text) {
    return text.replaceAll("\\p{Cntrl}", " ");
  }

  private void awaitStatus(String id, String status) {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline) {
      if (status.equals(platform.get("/missions/" + id).json().get("status").asText())) {
        return;
      }
      TestPlatform.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("mission " + id + " never became " + status);
  }

  private byte[] exportPack(String missionId) throws Exception {
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(platform.url() + "/evidence/export"))
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"missionId\":\"" + missionId + "\"}"))
            .build();
    java.net.http.HttpResponse<byte[]> response =
        java.net.http.HttpClient.newHttpClient()
            .send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private static Map<String, String> unzip(byte[] zip) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        in.transferTo(content);
        files.put(entry.getName(), content.toString(StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Every payload of the history, decoded: what the base64 in the file holds. */
  private static String decodedPayloads(String history) throws Exception {
    StringBuilder out = new StringBuilder();
    collect(Json.mapper().readTree(history), out);
    return out.toString();
  }

  private static void collect(JsonNode node, StringBuilder out) {
    if (node.isObject() && node.path("data").isTextual() && node.has("metadata")) {
      try {
        out.append('\n')
            .append(
                new String(
                    Base64.getDecoder().decode(node.get("data").asText()), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        out.append('\n').append(node.get("data").asText());
      }
    }
    node.forEach(child -> collect(child, out));
  }

  private static java.nio.file.Path save(byte[] zip) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("atomic-pack", ".zip");
    java.nio.file.Files.write(file, zip);
    return file;
  }
}
