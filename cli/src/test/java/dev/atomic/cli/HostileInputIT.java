package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.dte.DemoRepo;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a hostile or careless client sends, against the running platform: every endpoint answers
 * with a 4xx and a clear JSON error (never a 500 or a stack trace), refused requests leave the
 * database as it was, nothing outside the workspace is touched, and a mission that was accepted
 * reaches a terminal or waiting state.
 */
@Timeout(600)
class HostileInputIT {

  private static final Set<String> TABLES =
      Set.of(
          "missions",
          "evidence_events",
          "budgets",
          "budget_periods",
          "budget_reservations",
          "budget_alerts",
          "model_policies",
          "artifacts",
          "api_keys",
          "decision_tokens");

  private static final Set<String> WAITING_OR_DONE =
      Set.of("awaiting_approval", "completed", "rejected", "failed", "expired", "cancelled");

  private final TestPlatform platform = TestPlatform.shared();

  /** Every documented endpoint that reads a body, with the ids it needs filled in. */
  private List<String[]> bodyEndpoints(String missionId) {
    return List.of(
        new String[] {"POST", "/missions"},
        new String[] {"POST", "/missions/" + missionId + "/checkpoints/plan/approve"},
        new String[] {"POST", "/missions/" + missionId + "/checkpoints/plan/reject"},
        new String[] {"POST", "/missions/" + missionId + "/checkpoints/plan/decision-token"},
        new String[] {"POST", "/missions/" + missionId + "/batches"},
        new String[] {"PUT", "/missions/" + missionId + "/changespec"},
        new String[] {"POST", "/evidence/events"},
        new String[] {"POST", "/evidence/export"},
        new String[] {"POST", "/dte/apply"},
        new String[] {"POST", "/dte/verify"},
        new String[] {"POST", "/gateway/preflight"},
        new String[] {"POST", "/gateway/route"},
        new String[] {"POST", "/finops/budget"},
        new String[] {"POST", "/finops/budgets/global"},
        new String[] {"PUT", "/finops/budgets/global"},
        new String[] {"POST", "/finops/forecast"},
        new String[] {"POST", "/finops/reservations"},
        new String[] {"POST", "/finops/reservations/R-NOSUCH/commit"},
        new String[] {"PUT", "/policies/models"},
        new String[] {"POST", "/admin/keys"});
  }

  /** Bodies no endpoint may accept, by what they try. */
  private static Map<String, String> hostileBodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("malformed JSON", "{\"title\": \"x\",, ");
    bodies.put("truncated JSON", "{\"title\": \"x");
    bodies.put("an array", "[1, 2, 3]");
    bodies.put("a number", "42");
    bodies.put("a string", "\"approve\"");
    bodies.put("deeply nested arrays", "[".repeat(20_000) + "]".repeat(20_000));
    bodies.put("deeply nested objects", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
    bodies.put(
        "a body over the limit",
        "{\"title\":\"" + "a".repeat(TestPlatform.MAX_BODY_SIZE + 10) + "\"}");
    bodies.put("an unpaired surrogate", "{\"title\":\"x\\ud800\",\"comment\":\"\\udfff\"}");
    bodies.put("a NUL character", "{\"title\":\"x\\u0000\",\"comment\":\"\\u0000\"}");
    bodies.put("invalid UTF-8", "{\"title\":\"\u00ff\u00fe\"}");
    return bodies;
  }

  @Test
  void everyEndpointRefusesHostileBodiesClearlyAndWritesNothing() throws Exception {
    String missionId = platform.createMission("Hostile bodies", "medium");
    Map<String, Long> before = rowCounts();
    String missionBefore = platform.get("/missions/" + missionId).body();
    List<String> problems = new ArrayList<>();

    for (String[] endpoint : bodyEndpoints(missionId)) {
      for (Map.Entry<String, String> body : hostileBodies().entrySet()) {
        byte[] bytes =
            body.getKey().equals("invalid UTF-8")
                ? new byte[] {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}
                : body.getValue().getBytes(StandardCharsets.UTF_8);
        Response response = send(endpoint[0], endpoint[1], bytes);
        String problem = clientError(response);
        if (problem != null) {
          problems.add(endpoint[0] + " " + endpoint[1] + " with " + body.getKey() + ": " + problem);
        }
      }
    }

    assertThat(problems).isEmpty();
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(platform.get("/missions/" + missionId).body()).isEqualTo(missionBefore);
  }

  @Test
  void wrongTypesAndOutOfRangeValuesAreNamedInTheError() throws Exception {
    Map<String, Long> before = rowCounts();

    assertError(post("/missions", "{\"title\": 5}"), 400, "title");
    assertError(post("/missions", "{\"title\": {\"$ne\": 1}}"), 400, "title");
    assertError(post("/missions", "{\"title\": \"x\", \"risk\": [\"low\"]}"), 400, "risk");
    assertError(post("/missions", "{\"title\": \"x\", \"approvalTimeout\": -5}"), 400, null);
    assertError(post("/missions", "{\"title\": \"x\", \"batchSize\": 1e400}"), 400, null);
    assertError(post("/finops/budget", "{\"totalUsd\": \"lots\"}"), 400, null);
    assertError(put("/finops/budgets/global", "{\"totalUsd\": -1}"), 400, null);
    assertError(
        post("/finops/reservations", "{\"usd\": 1e308, \"scopes\": [\"global\"]}"), 400, null);
    assertError(post("/gateway/preflight", "{\"content\": 12}"), 400, "content");
    assertError(
        post("/gateway/preflight", "{\"content\": \"x\", \"provider\": \"../etc\"}"), 400, null);
    assertError(post("/evidence/events", "{\"type\": \"../../x\", \"data\": {}}"), 400, null);
    assertError(platform.get("/missions?limit=-1"), 400, "limit");
    assertError(platform.get("/missions?limit=99999999999999999999"), 400, "limit");
    assertError(platform.get("/missions?status=%3Cscript%3E"), 400, "status");

    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void unknownIdsAndHostilePathsAreNotFoundOrRefused() throws Exception {
    Map<String, Long> before = rowCounts();
    String longId = "M-" + "A".repeat(5_000);
    List<String[]> calls =
        List.of(
            new String[] {"GET", "/missions/M-NOSUCH", "404"},
            new String[] {"GET", "/missions/" + longId, "4xx"},
            new String[] {"GET", "/missions/M-%00", "4xx"},
            new String[] {"GET", "/missions/M-%2e%2e%2f%2e%2e%2fetc%2fpasswd", "4xx"},
            new String[] {"GET", "/missions/M-NOSUCH/diff", "404"},
            new String[] {"GET", "/missions/M-NOSUCH/audit-pack", "404"},
            new String[] {"GET", "/evidence/mission/M-NOSUCH", "404"},
            new String[] {"GET", "/evidence/mission/M-NOSUCH/events", "404"},
            new String[] {"GET", "/evidence/mission/M-NOSUCH/verify", "404"},
            new String[] {"GET", "/dte/jobs/dte-nosuch", "404"},
            new String[] {"GET", "/dte/jobs/..%2f..%2fetc", "4xx"},
            new String[] {"GET", "/finops/budgets/team:..%2F..", "4xx"},
            new String[] {"GET", "/finops/budgets/nosuch:scope", "4xx"},
            new String[] {"GET", "/finops/reservations/R-NOSUCH", "404"},
            new String[] {"POST", "/finops/reservations/R-NOSUCH/release", "404"},
            new String[] {"POST", "/missions/M-NOSUCH/checkpoints/plan/approve", "404"},
            new String[] {"POST", "/missions/M-NOSUCH/rollback/batch-1", "404"},
            new String[] {"DELETE", "/policies/models/nosuch", "404"},
            new String[] {"DELETE", "/admin/keys/nosuch", "404"});
    for (String[] call : calls) {
      Response response = send(call[0], call[1], null);
      if (call[2].equals("404")) {
        assertError(response, 404, null);
      } else {
        assertThat(clientError(response)).as(call[1]).isNull();
      }
    }
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void wrongStateOperationsConflictAndChangeNothing() throws Exception {
    String id = platform.createMission("Wrong states", "medium");
    assertThat(post("/missions/" + id + "/checkpoints/plan/reject", "{}").status()).isEqualTo(200);
    Map<String, Long> before = rowCounts();

    assertError(post("/missions/" + id + "/checkpoints/plan/approve", "{}"), 409, null);
    assertError(post("/missions/" + id + "/checkpoints/finalize/approve", "{}"), 409, null);
    assertError(post("/missions/" + id + "/batches", "{}"), 409, null);
    assertError(post("/missions/" + id + "/rollback/batch-1", "{}"), 409, "rejected");
    assertError(put("/missions/" + id + "/changespec", "{\"changeSpec\": {}}"), 4, null);

    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void pathsOutsideTheWorkspaceAreRefusedAndNothingOutsideIsTouched() throws Exception {
    Path outside = Files.createTempDirectory("atomic-outside");
    Files.writeString(outside.resolve("Victim.java"), "class Victim { void apply() {} }\n");
    String spec = Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-002.json"));
    Map<String, Long> before = rowCounts();

    assertError(
        post("/dte/apply", "{\"spec\": " + spec + ", \"workingDir\": \"" + outside + "\"}"),
        4,
        "outside the allowed roots");
    assertError(
        post(
            "/dte/apply",
            "{\"spec\": "
                + spec
                + ", \"workingDir\": \""
                + platform.home.resolve("../../../" + outside)
                + "\"}"),
        4,
        "outside the allowed roots");
    String escapingScope = spec.replace("\"src/**/*.java\"", "\"../../**/*.java\"");
    Path work = Files.createDirectories(platform.home.resolve("hostile-" + System.nanoTime()));
    assertError(
        post("/dte/apply", "{\"spec\": " + escapingScope + ", \"workingDir\": \"" + work + "\"}"),
        4,
        "'..' is not allowed");
    String absoluteScope = spec.replace("\"src/**/*.java\"", "\"" + outside + "/**/*.java\"");
    assertError(
        post("/dte/apply", "{\"spec\": " + absoluteScope + ", \"workingDir\": \"" + work + "\"}"),
        4,
        "absolute paths are not allowed");
    assertThat(rowCounts()).isEqualTo(before);
    for (String url :
        List.of(
            outside.toUri().toString(),
            "file:///etc",
            "ext::sh -c touch% " + outside.resolve("pwned"),
            "--upload-pack=touch " + outside.resolve("pwned"),
            "ssh://-oProxyCommand=touch%20" + outside.resolve("pwned") + "/x",
            "https://example.com/../../etc/passwd\n")) {
      Response repo =
          post(
              "/dte/apply",
              "{\"spec\": "
                  + spec
                  + ", \"repository\": {\"url\": "
                  + jsonString(url)
                  + ", \"ref\": \"main\"}}");
      assertThat(clientError(repo)).as(url).isNull();
      Response mission =
          post(
              "/missions",
              "{\"title\": \"hostile repo\", \"repository\": {\"url\": "
                  + jsonString(url)
                  + ", \"ref\": \"main\"}, \"changeSpec\": "
                  + spec
                  + "}");
      if (mission.status() / 100 == 2) {
        // A well-formed https URL is the remote's business: the mission fails on it, in time.
        assertThat(url).startsWith("https://");
        JsonNode settled = awaitSettled(mission.json().get("missionId").asText());
        assertThat(settled.get("status").asText()).as(settled.toString()).isEqualTo("failed");
      } else {
        assertThat(clientError(mission)).as(url).isNull();
      }
    }
    Response ref =
        post(
            "/dte/apply",
            "{\"spec\": "
                + spec
                + ", \"repository\": {\"url\": \"https://example.com/x.git\", \"ref\":"
                + " \"--upload-pack=touch /tmp/x\"}}");
    assertThat(clientError(ref)).isNull();

    try (var listing = Files.list(outside)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("Victim.java");
    }
    assertThat(Files.readString(outside.resolve("Victim.java"))).contains("apply()");
  }

  @Test
  void invariantCommandsRunWithoutAShellAndRegexesStayLinear() throws Exception {
    Path work = Files.createDirectories(platform.home.resolve("inject-" + System.nanoTime()));
    Files.createDirectories(work.resolve("src/main/java/a"));
    Files.writeString(
        work.resolve("src/main/java/a/A.java"),
        "package a;\nclass A { String s = \"" + "a".repeat(5_000) + "!\"; }\n");
    Path marker = platform.home.resolve("injected-" + System.nanoTime());
    String spec =
        """
        {"id": "CS-9001", "intent": "Check only", "scope": ["src/**/*.java"],
         "language": "java", "patches": [],
         "invariants": [
           {"name": "Injected", "type": "typecheck", "spec": "echo safe; touch %s && touch %s | sh"},
           {"name": "Backtracking", "type": "regex", "spec": "(a+)+$"}
         ],
         "tests": {"strategy": "augment", "targets": [], "mutationThreshold": 0.0},
         "risk": "low"}
        """
            .formatted(marker, marker);

    Response verify =
        post("/dte/verify", "{\"spec\": " + spec + ", \"workingDir\": \"" + work + "\"}");

    assertThat(verify.status()).as(verify.body()).isIn(200, 202);
    assertThat(verify.body()).doesNotContain("\tat ", "Exception");
    assertThat(marker).doesNotExist();
    // A pattern RE2 cannot run in linear time is refused up front, naming the invariant.
    String lookaround = spec.replace("\"spec\": \"(a+)+$\"", "\"spec\": \"(?=a)a\"");
    assertError(
        post("/dte/verify", "{\"spec\": " + lookaround + ", \"workingDir\": \"" + work + "\"}"),
        4,
        "/invariants/1/spec: not a valid RE2 pattern");
  }

  @Test
  void aPathologicalGatewayInputIsAnsweredPromptly() {
    String content =
        "a".repeat(TestPlatform.MAX_CONTENT_SIZE - 100) + "password=\"" + "\\\"".repeat(20) + "\"";
    Response response = post("/gateway/preflight", "{\"content\": " + jsonString(content) + "}");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String ipv6ish = ":".repeat(TestPlatform.MAX_CONTENT_SIZE - 10);
    assertThat(post("/gateway/preflight", "{\"content\": " + jsonString(ipv6ish) + "}").status())
        .isEqualTo(200);
  }

  @Test
  void zipSlipNamesInAPackAreRefusedAndNothingIsWritten() throws Exception {
    Path dir = Files.createTempDirectory("atomic-zipslip");
    Path pack = dir.resolve("evil.zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(pack))) {
      for (String name : List.of("../evil.txt", "/abs.txt", "ok/../../up.txt", "manifest.json")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write("x".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }

    CliRun run = CliRun.atomic("evidence", "verify", pack.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out() + run.err()).doesNotContain("\tat ").containsIgnoringCase("evil.txt");
    assertThat(dir.resolveSibling("evil.txt")).doesNotExist();
    assertThat(Path.of("/abs.txt")).doesNotExist();
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("evil.zip");
    }
  }

  @Test
  void acceptedMissionsWithHostileButValidInputReachAWaitingOrFinalState() throws Exception {
    Path origin = platform.home.resolve("origins").resolve("hostile-" + System.nanoTime());
    Files.createDirectories(origin);
    DemoRepo.copy("billing-repo", origin);
    PersonIdent me = new PersonIdent("Dev", "dev@example.com");
    try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setAuthor(me).setCommitter(me).setSign(false).setMessage("billing").call();
    }
    String nothingInScope =
        Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-003.json"))
            .replace("\"src/**/*.java\"", "\"no/such/dir/**/*.java\"");
    List<String> accepted = new ArrayList<>();
    for (String[] body :
        List.of(
            new String[] {"{\"title\": \"\u202Eevil\u200B RTL \u2066title\u2069 \ud83d\ude00\"}"},
            new String[] {"{\"title\": \"" + "t".repeat(500) + "\", \"risk\": \"high\"}"},
            new String[] {
              "{\"title\": \"missing ref\", \"repository\": {\"url\": \""
                  + origin.toUri()
                  + "\", \"ref\": \"no-such-branch\"}, \"changeSpec\": "
                  + Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-003.json"))
                  + "}"
            },
            new String[] {
              "{\"title\": \"empty scope\", \"repository\": {\"url\": \""
                  + origin.toUri()
                  + "\", \"ref\": \"main\"}, \"changeSpec\": "
                  + nothingInScope
                  + "}"
            })) {
      Response created = post("/missions", body[0]);
      if (created.status() / 100 == 2) {
        accepted.add(created.json().get("missionId").asText());
      } else {
        assertThat(clientError(created)).as(body[0]).isNull();
      }
    }

    assertThat(accepted).hasSizeGreaterThanOrEqualTo(2);
    for (String id : accepted) {
      JsonNode mission = awaitSettled(id);
      assertThat(WAITING_OR_DONE).as(mission.toString()).contains(mission.get("status").asText());
      if (mission.get("status").asText().equals("failed")) {
        assertThat(mission.get("reason").asText()).as(mission.toString()).isNotBlank();
      }
    }
  }

  // --- helpers ---

  private static String jsonString(String text) {
    try {
      return dev.atomic.platform.Json.mapper().writeValueAsString(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode awaitSettled(String id) {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode mission = platform.get("/missions/" + id).json();
    while (System.nanoTime() < deadline) {
      mission = platform.get("/missions/" + id).json();
      String status = mission.get("status").asText();
      boolean settled =
          WAITING_OR_DONE.contains(status)
              && !(status.equals("awaiting_approval") && mission.path("checkpoints").isEmpty());
      if (settled) {
        return mission;
      }
      TestPlatform.sleep(Duration.ofMillis(250));
    }
    throw new AssertionError("mission " + id + " never settled: " + mission);
  }

  /** Why the response is not a clear client error, or null when it is one. */
  private static String clientError(Response response) {
    if (response.status() < 400 || response.status() >= 500) {
      return "status " + response.status() + ": " + abbreviated(response.body());
    }
    if (response.body().contains("\tat ") || response.body().contains("Exception")) {
      return "a stack trace or exception name: " + abbreviated(response.body());
    }
    JsonNode body;
    try {
      body = response.json();
    } catch (RuntimeException e) {
      return "not JSON: " + abbreviated(response.body());
    }
    if (!body.path("error").isTextual() || body.path("error").asText().isBlank()) {
      return "no error message: " + abbreviated(response.body());
    }
    return null;
  }

  private static String abbreviated(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }

  private static void assertError(Response response, int status, String message) {
    assertThat(clientError(response)).as(response.toString()).isNull();
    if (status >= 100) {
      assertThat(response.status()).as(response.body()).isEqualTo(status);
    } else {
      assertThat(response.status() / 100).as(response.body()).isEqualTo(status);
    }
    if (message != null) {
      JsonNode body = response.json();
      assertThat(body.get("error").asText() + " " + body.path("details").asText())
          .containsIgnoringCase(message);
    }
  }

  private Response post(String path, String json) {
    return send("POST", path, json.getBytes(StandardCharsets.UTF_8));
  }

  private Response put(String path, String json) {
    return send("PUT", path, json.getBytes(StandardCharsets.UTF_8));
  }

  private Response send(String method, String path, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url() + path));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return platform.send(request.build());
  }

  /** Rows per table: what a refused request must leave as it was. */
  private Map<String, Long> rowCounts() throws Exception {
    DataSource dataSource = platform.platform.context().getBean(DataSource.class);
    Map<String, Long> counts = new java.util.TreeMap<>();
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    return counts;
  }
}
