package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.cli.mission.TemporalMissions;
import dev.atomic.mission.CheckpointName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The platform with authentication on, as {@code atomic dev --auth} and production run it: API keys
 * and JWTs, roles per endpoint group, and decisions recorded under the authenticated name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class SecurityIT {

  private TestPlatform platform;
  private KeyPair issuer;
  private String admin;

  @BeforeAll
  void start() throws IOException, NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    issuer = generator.generateKeyPair();
    Path publicKey = Files.createTempFile("issuer", ".pem");
    Files.writeString(
        publicKey,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(issuer.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Path home = TestPlatform.newHome();
    platform =
        TestPlatform.dedicated(
            Map.of(
                "atomic.security.auth",
                "required",
                "atomic.security.bootstrap-key-file",
                home.resolve("api-key").toString(),
                "atomic.security.jwt.public-key",
                publicKey.toString(),
                "atomic.security.gateway-rate-limit",
                "5"));
    admin = Files.readString(home.resolve("api-key")).strip();
  }

  @AfterAll
  void stop() {
    platform.platform.close();
  }

  @Test
  void withoutACredentialOnlyTheHealthProbesAnswer() {
    assertThat(send("GET", "/health", null, null).status()).isEqualTo(200);
    assertThat(send("GET", "/actuator/health/liveness", null, null).status()).isEqualTo(200);

    Response missions = send("GET", "/missions", null, null);
    assertError(missions, 401, "Authentication required");
    assertThat(missions.headers()).containsKey("www-authenticate");
    assertError(send("POST", "/missions", null, "{\"title\":\"x\"}"), 401, null);
    assertError(
        send("GET", "/missions", "atk_aaaaaaaaaaaa_" + "A".repeat(43), null),
        401,
        "API key refused");
    assertError(
        sendWith("GET", "/missions", "Authorization", "Basic YWxpY2U6c2VjcmV0"),
        401,
        "Unsupported Authorization scheme");
  }

  @Test
  void eachRoleOpensItsEndpointGroupAndTheRefusalNamesTheMissingRole() {
    String requester = key("req-" + System.nanoTime(), "requester");
    String approver = key("appr-" + System.nanoTime(), "approver");
    String auditor = key("aud-" + System.nanoTime(), "auditor");
    String operator = key("op-" + System.nanoTime(), "operator");

    Response created =
        send("POST", "/missions", requester, "{\"title\":\"Roles\",\"risk\":\"medium\"}");
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("missionId").asText();

    // Reads need only a credential.
    for (String any : List.of(requester, approver, auditor, operator)) {
      assertThat(send("GET", "/missions/" + id, any, null).status()).isEqualTo(200);
    }
    Map<String, String> needs =
        Map.of(
            "POST /missions",
            "requester",
            "POST /missions/" + id + "/checkpoints/plan/approve",
            "approver",
            "POST /missions/" + id + "/rollback/batch-1",
            "operator",
            "GET /evidence/mission/" + id,
            "auditor",
            "PUT /finops/budgets/global",
            "operator",
            "POST /gateway/preflight",
            "requester",
            "GET /admin/keys",
            "admin",
            "GET /actuator/prometheus",
            "operator");
    Map<String, String> keyOf =
        Map.of(
            "requester", requester, "approver", approver, "auditor", auditor, "operator", operator);
    needs.forEach(
        (request, role) -> {
          String[] parts = request.split(" ");
          for (Map.Entry<String, String> other : keyOf.entrySet()) {
            if (other.getKey().equals(role)) {
              continue;
            }
            Response refused = send(parts[0], parts[1], other.getValue(), "{}");
            assertError(refused, 403, "needs the role " + role);
            assertThat(refused.json().get("details").asText()).contains("holds " + other.getKey());
          }
          if (keyOf.containsKey(role)) {
            Response allowed = send(parts[0], parts[1], keyOf.get(role), "{}");
            assertThat(allowed.status()).as(request + " " + allowed).isNotIn(401, 403);
          }
        });
    // An admin holds every role.
    assertThat(send("GET", "/evidence/mission/" + id, admin, null).status()).isEqualTo(200);
  }

  @Test
  void revokedAndExpiredKeysAreRefused() throws Exception {
    Response created = adminCreates("{\"name\":\"short-lived\",\"roles\":[\"auditor\"]}");
    String key = created.json().get("key").asText();
    String keyId = created.json().get("id").asText();
    assertThat(send("GET", "/missions", key, null).status()).isEqualTo(200);

    DataSource db = platform.platform.context().getBean(DataSource.class);
    try (var connection = db.getConnection();
        var update =
            connection.prepareStatement("UPDATE api_keys SET expires_at = ? WHERE id = ?")) {
      update.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
      update.setString(2, keyId);
      update.executeUpdate();
    }
    assertError(send("GET", "/missions", key, null), 401, "API key refused");

    String other = key("to-revoke-" + System.nanoTime(), "auditor");
    String otherId = other.substring(4, 16);
    Response listed = send("GET", "/admin/keys", admin, null);
    assertThat(listed.body()).contains(otherId).doesNotContain(other);
    Response revoked = send("DELETE", "/admin/keys/" + otherId, admin, null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
    Response refused = send("GET", "/missions", other, null);
    assertError(refused, 401, "API key refused");
    assertThat(refused.json().get("details").asText()).contains("was revoked");
    assertError(send("DELETE", "/admin/keys/nosuchkey000", admin, null), 404, "No API key");
  }

  @Test
  void decisionsAreRecordedUnderTheAuthenticatedNameWhateverTheBodySays() {
    String alice = key("alice", "requester,approver");
    String bob = key("bob", "approver");
    Response created =
        send(
            "POST",
            "/missions",
            alice,
            "{\"title\":\"Risky\",\"risk\":\"high\",\"requestedBy\":\"mallory\"}");
    String id = created.json().get("missionId").asText();
    assertThat(created.json().get("requestedBy").asText()).isEqualTo("alice");

    // The requester cannot approve its own high-risk plan, whatever actor it claims.
    Response own =
        send("POST", "/missions/" + id + "/checkpoints/plan/approve", alice, "{\"actor\":\"bob\"}");
    assertError(own, 403, "someone other than its requester");

    Response approved =
        sendWithHeader(
            "POST",
            "/missions/" + id + "/checkpoints/plan/approve",
            bob,
            "{\"actor\":\"alice\",\"comment\":\"looks right\"}",
            "X-Atomic-Actor",
            "carol");
    assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    JsonNode plan = approved.json().get("checkpoints").get(0);
    assertThat(plan.get("decision").get("by").asText()).isEqualTo("bob");
  }

  @Test
  void aSignalCountsOnlyWithADecisionTokenTheApiIssuedAndForItsHolder() throws Exception {
    String erin = key("erin", "requester");
    String frank = key("frank", "approver");
    String id =
        send("POST", "/missions", erin, "{\"title\":\"Signals\",\"risk\":\"medium\"}")
            .json()
            .get("missionId")
            .asText();

    try (TemporalMissions temporal = new TemporalMissions(platform.temporal(), "default")) {
      temporal.signal(id, true, CheckpointName.PLAN, "frank", "forged", null);
      JsonNode ignored = awaitEvent(id, "SignalIgnored");
      assertThat(ignored.get("actor").asText()).isEqualTo("unverified");
      assertThat(ignored.get("data").get("reason").asText()).contains("no decision token");

      // Only an approver gets a token; it names the caller, not the body.
      assertError(
          send(
              "POST",
              "/missions/" + id + "/checkpoints/plan/decision-token",
              erin,
              "{\"verdict\":\"approved\"}"),
          403,
          "approver");
      Response issued =
          send(
              "POST",
              "/missions/" + id + "/checkpoints/plan/decision-token",
              frank,
              "{\"verdict\":\"approved\",\"actor\":\"mallory\"}");
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      assertThat(issued.json().get("actor").asText()).isEqualTo("frank");
      String token = issued.json().get("token").asText();

      temporal.signal(id, true, CheckpointName.PLAN, "mallory", "reviewed", token);
      JsonNode approved = awaitEvent(id, "CheckpointApproved");
      assertThat(approved.get("actor").asText()).isEqualTo("frank");
      // Replayed: refused.
      temporal.signal(id, true, CheckpointName.EXECUTE, "frank", null, token);
      long deadline = System.currentTimeMillis() + 10_000;
      while (events(id, "SignalIgnored").size() < 2 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      assertThat(events(id, "SignalIgnored")).hasSize(2);
      assertThat(events(id, "SignalIgnored").get(1).get("data").get("reason").asText())
          .contains("used already");
    }
  }

  private JsonNode awaitEvent(String missionId, String type) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (events(missionId, type).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    assertThat(events(missionId, type)).as(type).isNotEmpty();
    return events(missionId, type).get(0);
  }

  private List<JsonNode> events(String missionId, String type) {
    Response timeline = send("GET", "/evidence/mission/" + missionId + "/events", admin, null);
    List<JsonNode> found = new java.util.ArrayList<>();
    JsonNode events =
        timeline.json().has("events") ? timeline.json().get("events") : timeline.json();
    events.forEach(
        event -> {
          if (type.equals(event.path("type").asText())) {
            found.add(event);
          }
        });
    return found;
  }

  @Test
  void aSignedJwtAuthenticatesWithItsRolesAndAnExpiredOrForgedOneDoesNot() throws Exception {
    String auditor = jwt("carol", List.of("auditor"), Instant.now().plusSeconds(300), issuer);
    Response read = send("GET", "/evidence/public-key", auditor, null);
    assertThat(read.status()).as(read.toString()).isEqualTo(200);
    assertError(send("POST", "/missions", auditor, "{\"title\":\"x\"}"), 403, "requester");
    Response created =
        send(
            "POST",
            "/missions",
            jwt("dave", List.of("requester"), Instant.now().plusSeconds(300), issuer),
            "{\"title\":\"From a JWT\",\"risk\":\"low\"}");
    assertThat(created.json().get("requestedBy").asText()).isEqualTo("dave");

    String expired = jwt("carol", List.of("auditor"), Instant.now().minusSeconds(600), issuer);
    assertError(send("GET", "/missions", expired, null), 401, "Bearer token refused");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String forged =
        jwt("carol", List.of("admin"), Instant.now().plusSeconds(300), generator.generateKeyPair());
    assertError(send("GET", "/missions", forged, null), 401, "Bearer token refused");
  }

  @Test
  void eachCredentialHasItsOwnGatewayRateLimit() {
    String burst = key("burst-" + System.nanoTime(), "requester");
    String calm = key("calm-" + System.nanoTime(), "requester");
    String body = "{\"content\":\"hello\",\"provider\":\"copilot\"}";
    for (int i = 0; i < 5; i++) {
      Response ok = send("POST", "/gateway/preflight", burst, body);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    }

    Response limited = send("POST", "/gateway/preflight", burst, body);

    assertError(limited, 429, "Too many requests");
    assertThat(limited.headers().get("retry-after"))
        .singleElement()
        .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
    assertThat(send("POST", "/gateway/preflight", calm, body).status()).isEqualTo(200);
    // Other endpoints are not limited.
    assertThat(send("GET", "/missions", burst, null).status()).isEqualTo(200);
  }

  @Test
  void aLoopbackUserOnANonLoopbackListenerRefusesToStart() {
    assertThatThrownBy(
            () -> TestPlatform.dedicated(Map.of("server.address", "0.0.0.0")).platform.close())
        .hasStackTraceContaining("refusing to start: ATOMIC_AUTH=local")
        .hasStackTraceContaining("SERVER_ADDRESS=127.0.0.1");
  }

  private String key(String name, String roles) {
    StringBuilder array = new StringBuilder();
    for (String role : roles.split(",")) {
      array.append(array.isEmpty() ? "" : ",").append('"').append(role).append('"');
    }
    Response created = adminCreates("{\"name\":\"" + name + "\",\"roles\":[" + array + "]}");
    return created.json().get("key").asText();
  }

  private Response adminCreates(String body) {
    Response created = send("POST", "/admin/keys", admin, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created;
  }

  private static String jwt(String user, List<String> roles, Instant expires, KeyPair key)
      throws JOSEException {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .subject("id-" + user)
            .claim("preferred_username", user)
            .claim("roles", roles)
            .issueTime(Date.from(expires.minusSeconds(600)))
            .expirationTime(Date.from(expires))
            .build();
    SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    token.sign(new RSASSASigner(key.getPrivate()));
    return token.serialize();
  }

  private Response send(String method, String path, String credential, String json) {
    return sendWithHeader(method, path, credential, json, null, null);
  }

  private Response sendWith(String method, String path, String header, String value) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(platform.url() + path))
            .header(header, value)
            .method(method, HttpRequest.BodyPublishers.noBody());
    return platform.send(request.build());
  }

  private Response sendWithHeader(
      String method, String path, String credential, String json, String header, String value) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path));
    if (credential != null) {
      request.header("Authorization", "Bearer " + credential);
    }
    if (header != null) {
      request.header(header, value);
    }
    if (json != null && !method.equals("GET") && !method.equals("DELETE")) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return platform.send(request.build());
  }

  private static void assertError(Response response, int status, String message) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.has("error")).as(response.body()).isTrue();
    if (message != null) {
      assertThat(body.get("error").asText()).contains(message);
    }
    assertThat(response.body()).doesNotContain("Exception", "\tat ");
  }
}
