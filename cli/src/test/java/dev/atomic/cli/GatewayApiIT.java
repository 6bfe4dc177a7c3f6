package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.gateway.RedactionEngine;
import dev.atomic.gateway.RuleSamples;
import dev.atomic.platform.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code /gateway/preflight} on the running platform, and the log filter behind every endpoint. */
class GatewayApiIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void redactsASecretAndReportsWhereItWas() {
    String key = "AKIA" + "Z7QH3KXN2PLM4RTW";
    String content = "aws_access_key_id = " + key + "\nmail ada.lovelace@acme-corp.io\n";

    Response response = preflight(Map.of("content", content, "provider", "copilot"));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode body = response.json();
    assertThat(body.get("ok").asBoolean()).isTrue();
    assertThat(body.get("redactions")).hasSize(2);
    JsonNode secret = body.get("redactions").get(0);
    assertThat(secret.get("type").asText()).isEqualTo("secret");
    assertThat(secret.get("rule").asText()).isEqualTo("aws_access_key");
    assertThat(secret.get("position").asInt()).isEqualTo(content.indexOf(key));
    assertThat(secret.get("length").asInt()).isEqualTo(key.length());
    assertThat(secret.get("placeholder").asText()).isEqualTo("***REDACTED_SECRET***");
    assertThat(body.get("redactions").get(1).get("type").asText()).isEqualTo("pii");
    assertThat(body.get("sanitizedContent").asText())
        .isEqualTo("aws_access_key_id = ***REDACTED_SECRET***\nmail ***REDACTED_PII***\n");
    assertThat(body.at("/violations/0/rule").asText()).isEqualTo("sensitive_data_detected");
    assertThat(body.at("/violations/0/severity").asText()).isEqualTo("warning");
    assertThat(response.headers().get("x-preflight-latency-ms"))
        .singleElement()
        .asString()
        .matches("\\d+\\.\\d{3}");
  }

  @Test
  void cleanContentPassesUntouchedOnTheGatewayPort() {
    Response response =
        platform.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + platform.servicePorts[0] + "/gateway/preflight"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"content\":\"int x = 42; // id 550e8400-e29b-41d4-a716-446655440000\"}"))
                .build());

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("ok").asBoolean()).isTrue();
    assertThat(response.json().get("redactions")).isEmpty();
    assertThat(response.json().get("violations")).isEmpty();
    assertThat(response.json().has("sanitizedContent")).isFalse();
  }

  @Test
  void theCliChecksAFileAndExitsOneWhenTheContentMayNotBeSent(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("snippet.txt");
    java.nio.file.Files.writeString(file, "token ghp_" + "Q8m2Xv7LpR4tK9sN3wB6yH1cJ5dF0g3GH63b\n");

    CliRun redacted =
        CliRun.atomic(
            "gateway",
            "preflight",
            "--url",
            platform.url(),
            "--file",
            file.toString(),
            "--sanitized");
    CliRun blocked =
        CliRun.atomic(
            "gateway",
            "preflight",
            "--url",
            platform.url(),
            "--file",
            file.toString(),
            "--provider",
            "openai");
    CliRun missing =
        CliRun.atomic(
            "gateway",
            "preflight",
            "--url",
            platform.url(),
            "--file",
            dir.resolve("nope").toString());

    assertThat(redacted.exitCode()).as(redacted.err()).isZero();
    assertThat(redacted.out())
        .contains(
            "ok: the content may be sent", "secret", "github_token", "token ***REDACTED_SECRET***")
        .doesNotContain("Q8m2Xv7L");
    assertThat(blocked.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(blocked.out()).contains("REFUSED", "secret_blocked");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("no such file");
  }

  @Test
  void appliesEachProvidersPolicyAndTheProprietaryMarkers() {
    String token = "ghp_" + "Q8m2Xv7LpR4tK9sN3wB6yH1cJ5dF0g3GH63b";

    Response blocked = preflight(Map.of("content", "token " + token, "provider", "openai"));
    Response disabled = preflight(Map.of("content", "hello", "provider", "windsurf"));
    Response marked =
        preflight(
            Map.of(
                "content", "This is CONFIDENTIAL: ProjectZephyr roadmap", "provider", "anthropic"));

    assertThat(blocked.json().get("ok").asBoolean()).isFalse();
    assertThat(blocked.json().get("violations").findValuesAsText("rule"))
        .contains("secret_blocked");
    assertThat(blocked.body()).doesNotContain(token);
    assertThat(disabled.json().get("ok").asBoolean()).isFalse();
    assertThat(disabled.json().at("/violations/0/rule").asText()).isEqualTo("provider_disabled");
    assertThat(marked.json().get("redactions").findValuesAsText("type"))
        .containsExactly("proprietary", "proprietary");
    assertThat(marked.json().get("sanitizedContent").asText())
        .isEqualTo("This is ***REDACTED_PROPRIETARY***: ***REDACTED_PROPRIETARY*** roadmap");
  }

  @Test
  void contentOverMaxRequestSizeIsRefusedWithoutAScanAndAnOversizedBodyGets413() {
    Response tooLong = preflight(Map.of("content", "a".repeat(TestPlatform.MAX_CONTENT_SIZE + 1)));
    Response tooBig = preflight(Map.of("content", "a".repeat(TestPlatform.MAX_BODY_SIZE + 1)));

    assertThat(tooLong.status()).isEqualTo(200);
    assertThat(tooLong.json().get("ok").asBoolean()).isFalse();
    assertThat(tooLong.json().at("/violations/0/rule").asText()).isEqualTo("max_request_size");
    assertThat(tooLong.json().at("/violations/0/severity").asText()).isEqualTo("error");
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().get("error").asText()).contains("MAX_BODY_SIZE");
  }

  @Test
  void badInputGetsAClearError() {
    assertError(platform.postJson("/gateway/preflight", "{}"), 400, "content is required");
    assertError(
        platform.postJson("/gateway/preflight", "{\"content\": 7}"),
        400,
        "content must be a string");
    Response unknown =
        platform.postJson("/gateway/preflight", "{\"content\": \"x\", \"provider\": \"gemini\"}");
    assertError(unknown, 400, "Invalid provider");
    assertThat(unknown.json().get("details").asText())
        .contains("known: copilot, cursor, windsurf, openai, anthropic");
    assertError(platform.postJson("/gateway/preflight", "{\"content\": "), 400, null);
    Response text =
        platform.send(
            HttpRequest.newBuilder(URI.create(platform.url() + "/gateway/preflight"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build());
    assertThat(text.status()).isEqualTo(415);
  }

  @Test
  void secretsInEvidenceDataAreRedactedBeforeTheEventIsChained() {
    String id = platform.createMission("Evidence with a token", "low");
    String token = "ghp_" + "Q8m2Xv7LpR4tK9sN3wB6yH1cJ5dF0g3GH63b";

    Response posted =
        platform.postJson(
            "/evidence/events",
            Json.write(
                Map.of(
                    "type",
                    "CiPipelinePassed",
                    "missionId",
                    id,
                    "data",
                    Map.of("log", "pushed with " + token, "steps", List.of("checkout " + token)))));

    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    assertThat(posted.body()).doesNotContain(token);
    assertThat(posted.json().at("/data/log").asText())
        .isEqualTo("pushed with ***REDACTED_SECRET***");
    assertThat(posted.json().at("/data/steps/0").asText())
        .isEqualTo("checkout ***REDACTED_SECRET***");
    assertThat(platform.get("/evidence/mission/" + id + "/verify").json().get("ok").asBoolean())
        .isTrue();
  }

  @Test
  void routesATaskByItsPolicyOnThePreferredProviderWithinTheBudget() {
    JsonNode byPolicy = route("{\"task\": \"refactor\"}").json();
    JsonNode preferred =
        route("{\"task\": \"refactor\", \"preferredProvider\": \"cursor\"}").json();
    JsonNode disabled =
        route("{\"task\": \"refactor\", \"preferredProvider\": \"windsurf\"}").json();
    JsonNode tight = route("{\"task\": \"refactor\", \"budget\": 0.002}").json();

    assertThat(byPolicy.get("provider").asText()).isEqualTo("copilot");
    assertThat(byPolicy.get("model").asText()).isEqualTo("gpt-4.1");
    assertThat(byPolicy.get("policyApplied").asText()).isEqualTo("refactor");
    assertThat(byPolicy.get("route").asText()).isEqualTo("policy");
    // 4,000 tokens in at 2.00 USD/M and 1,200 out at 8.00 USD/M
    assertThat(byPolicy.get("estimatedCost").decimalValue()).isEqualByComparingTo("0.0176");
    assertThat(preferred.get("provider").asText()).isEqualTo("cursor");
    assertThat(preferred.get("model").asText()).isEqualTo("gpt-4.1");
    assertThat(disabled.get("provider").asText()).isEqualTo("copilot");
    assertThat(tight.get("route").asText()).isEqualTo("fallback");
    assertThat(tight.get("provider").asText()).isEqualTo("openai");
    assertThat(tight.get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(tight.get("estimatedCost").decimalValue())
        .isLessThanOrEqualTo(new java.math.BigDecimal("0.002"));
    assertThat(tight.get("skipped").get(0).get("reason").asText())
        .contains("cannot meet the policy ceiling");
  }

  @Test
  void aRouteThatCannotFitOrABadRequestIsRefusedClearly() {
    Response none = route("{\"task\": \"refactor\", \"budget\": 0.0001}");

    assertError(none, 409, "no provider and model fit task refactor");
    assertThat(none.json().get("details").asText()).contains("windsurf/gpt-4.1: provider disabled");
    assertError(route("{}"), 400, "task is required");
    assertError(route("{\"task\": \"Bad Task\"}"), 400, "Invalid task");
    assertError(
        route("{\"task\": \"refactor\", \"budget\": \"cheap\"}"), 400, "budget must be a number");
    assertError(route("{\"task\": \"refactor\", \"budget\": -1}"), 400, "Invalid route request");
    Response unknown = route("{\"task\": \"refactor\", \"preferredProvider\": \"gemini\"}");
    assertError(unknown, 400, "Invalid route request");
    assertThat(unknown.json().get("details").asText())
        .contains("known: copilot, cursor, windsurf, openai, anthropic");
  }

  @Test
  void noSecretTheEngineDetectsReachesALogLine() {
    RedactionEngine engine = new RedactionEngine();
    List<String> secrets = new ArrayList<>();
    String logs;
    try (LogCapture captured = new LogCapture()) {
      org.slf4j.Logger log = LoggerFactory.getLogger("dev.atomic.test.GatewayApiIT");
      for (Map.Entry<String, String> sample : RuleSamples.all().entrySet()) {
        String text = sample.getValue();
        engine.scan(text).redactions().stream()
            .filter(r -> r.kind() == dev.atomic.gateway.Kind.SECRET)
            .map(r -> text.substring(r.start(), r.end()))
            .forEach(secrets::add);
        // Through every endpoint that takes free text, including error paths that echo input …
        preflight(Map.of("content", text, "provider", "copilot"));
        platform.postJson(
            "/gateway/preflight", Json.write(Map.of("content", text, "provider", text)));
        platform.postJson("/missions", Json.write(Map.of("title", text, "risk", "medium")));
        platform.postJson("/missions", Json.write(Map.of("title", "t", "risk", text)));
        platform.postEmpty(
            "/missions/" + text.replaceAll("[^A-Za-z0-9_-]", "") + "/checkpoints/plan/approve");
        platform.postJson("/dte/apply", Json.write(Map.of("id", text)));
        // … and straight into the log, as a careless log statement or exception would.
        log.warn("rule sample follows\n{}", text, new IllegalStateException("failed with " + text));
      }
      logs = captured.text();
    }
    assertThat(secrets).hasSizeGreaterThan(50);
    assertThat(logs).contains("***REDACTED_SECRET***");
    assertThat(secrets).allSatisfy(secret -> assertThat(logs).doesNotContain(secret));
  }

  private Response route(String json) {
    return platform.postJson("/gateway/route", json);
  }

  @Test
  void aTeamsGitleaksRuleSetWorksThroughThePreflight() {
    String key = "adk_" + "q7w2e9r4t1y6u3i8o5p0a2s7";

    JsonNode found =
        preflight(Map.of("content", "ACME_DEPLOY_KEY=" + key, "provider", "copilot")).json();
    JsonNode allowed =
        preflight(Map.of("content", "acme_deploy_key: adk_fixture00000000000000000")).json();

    assertThat(found.get("sanitizedContent").asText())
        .isEqualTo("ACME_DEPLOY_KEY=***REDACTED_SECRET***");
    assertThat(found.at("/redactions/0/type").asText()).isEqualTo("secret");
    assertThat(found.at("/redactions/0/rule").asText()).isEqualTo("acme-deploy-key");
    assertThat(allowed.path("redactions")).isEmpty();
  }

  private Response preflight(Map<String, Object> body) {
    return platform.postJson("/gateway/preflight", Json.write(body));
  }

  private static void assertError(Response response, int status, String error) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    if (error != null) {
      assertThat(response.json().get("error").asText()).contains(error);
    }
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
