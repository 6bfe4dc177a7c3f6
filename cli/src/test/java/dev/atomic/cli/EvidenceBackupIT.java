package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.platform.Json;
import dev.atomic.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runbook's evidence backup and restore on PostgreSQL: a mission's timeline backed up from one
 * platform's database and restored into a fresh database migrated with {@code atomic db migrate},
 * where it reads and verifies as it was; altered backups are refused with the first bad event and
 * leave nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceBackupIT {

  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final String sourceDb = "atomic_backup_" + suffix;
  private final String restoreDb = "atomic_restore_" + suffix;

  @BeforeAll
  void createDatabases() {
    try {
      admin("CREATE DATABASE " + sourceDb);
      admin("CREATE DATABASE " + restoreDb);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("PostgreSQL is required in CI", e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + TestDatabase.POSTGRES_URL);
    }
  }

  @AfterAll
  void dropDatabases() throws SQLException {
    admin("DROP DATABASE IF EXISTS " + sourceDb + " WITH (FORCE)");
    admin("DROP DATABASE IF EXISTS " + restoreDb + " WITH (FORCE)");
  }

  @Test
  void aBackupRestoresIntoAFreshDatabaseAndAnAlteredOneIsRefused(@TempDir Path dir)
      throws Exception {
    // The fresh database gets its schema the way an operator would give it one.
    CliRun migrate = CliRun.atomic("db", "migrate", "--url", postgresUrl(restoreDb));
    assertThat(migrate.exitCode()).as(migrate.err()).isZero();
    assertThat(migrate.out()).contains("applied V1 missions and evidence");

    String missionId;
    String timeline;
    Path backup = dir.resolve("backup").resolve("mission.json");
    TestPlatform source = TestPlatform.dedicated(true, database(sourceDb));
    try {
      missionId = source.createMission("Backup walk", "medium");
      Response approved =
          source.postJson(
              "/missions/" + missionId + "/checkpoints/plan/approve",
              "{\"actor\":\"bob\",\"comment\":\"scope ok ✓\"}");
      assertThat(approved.status()).as(approved.body()).isEqualTo(200);
      Response posted =
          source.postJson(
              "/evidence/events",
              "{\"type\":\"CiPipelinePassed\",\"missionId\":\""
                  + missionId
                  + "\",\"actor\":\"ci\",\"data\":{\"ratio\":0.875,\"run\":17,\"big\":1e21,"
                  + "\"note\":\"é \\\"quoted\\\" \\u00e9\",\"nested\":{\"list\":[1,\"two\",null,true]}}}");
      assertThat(posted.status()).as(posted.body()).isEqualTo(201);
      assertThat(source.postEmpty("/missions/" + missionId + "/batches").status()).isEqualTo(201);

      // The runbook's backup line, on the evidence service's port, answers the timeline.
      timeline =
          source.get(source.servicePorts[4], "/evidence/mission/" + missionId + "/events").body();
      CliRun written =
          CliRun.atomic(
              "evidence", "backup", missionId, "-o", backup.toString(), "--url", source.url());
      assertThat(written.exitCode()).as(written.err()).isZero();
      assertThat(written.out()).contains("wrote " + backup).contains("head EVT-" + missionId);
      CliRun toStdout = CliRun.atomic("evidence", "backup", missionId, "--url", source.url());
      assertThat(toStdout.out().strip()).isEqualTo(timeline);
    } finally {
      source.platform.close();
    }
    assertThat(Files.readString(backup)).isEqualTo(timeline);
    JsonNode original = Json.mapper().readTree(timeline);
    int count = original.get("count").asInt();
    assertThat(count).isGreaterThanOrEqualTo(6);
    String head = original.get("events").get(count - 1).get("hash").asText();

    TestPlatform target = TestPlatform.dedicated(false, database(restoreDb));
    try {
      String third = "EVT-" + missionId + "-3";

      ObjectNode changed = (ObjectNode) original.deepCopy();
      ((ObjectNode) changed.at("/events/2/data")).put("checkpoint", "execute");
      assertRefused(target, dir, changed, "event " + third + ": hash mismatch (data changed?)");

      ObjectNode removed = (ObjectNode) original.deepCopy();
      ((ArrayNode) removed.get("events")).remove(1);
      removed.put("count", count - 1);
      assertRefused(
          target,
          dir,
          removed,
          "event seq 2 missing in stream " + missionId + " (next is " + third + ")");

      ObjectNode reordered = (ObjectNode) original.deepCopy();
      ArrayNode events = (ArrayNode) reordered.get("events");
      events.insert(2, events.remove(1));
      assertRefused(
          target, dir, reordered, "events out of order at " + third + ": seq 3 comes before seq 2");

      ObjectNode cutOff = (ObjectNode) original.deepCopy();
      ((ArrayNode) cutOff.get("events")).remove(count - 1);
      assertRefused(
          target,
          dir,
          cutOff,
          "the backup declares count " + count + " but holds " + (count - 1) + " events");

      CliRun restored =
          CliRun.atomic("evidence", "import", backup.toString(), "--url", target.url());
      assertThat(restored.exitCode()).as(restored.err()).isZero();
      assertThat(restored.out())
          .contains("restored " + count + " events of " + missionId)
          .contains("chain verified")
          .contains(head);

      Response events2 = target.get("/evidence/mission/" + missionId + "/events");
      assertThat(events2.status()).isEqualTo(200);
      assertThat(events2.json()).isEqualTo(original);
      CliRun verified =
          CliRun.atomic("evidence", "verify-chain", "--mission", missionId, "--url", target.url());
      assertThat(verified.exitCode()).as(verified.err()).isZero();
      assertThat(verified.out())
          .contains("chain of " + missionId + " intact: " + count + " events")
          .contains(head);
      Response graph = target.get("/evidence/mission/" + missionId);
      assertThat(graph.status()).isEqualTo(200);
      assertThat(graph.json().at("/nodes/0/id").asText()).isEqualTo(missionId);

      CliRun again = CliRun.atomic("evidence", "import", backup.toString(), "--url", target.url());
      assertThat(again.exitCode()).as(again.err()).isZero();
      assertThat(again.out()).contains("already holds these " + count + " events; nothing written");

      ObjectNode shorter = (ObjectNode) original.deepCopy();
      ArrayNode kept = (ArrayNode) shorter.get("events");
      while (kept.size() > 2) {
        kept.remove(kept.size() - 1);
      }
      shorter.put("count", 2);
      Path shorterFile = Files.writeString(dir.resolve("shorter.json"), shorter.toString());
      CliRun conflict =
          CliRun.atomic("evidence", "import", shorterFile.toString(), "--url", target.url());
      assertThat(conflict.exitCode()).isEqualTo(ExitCodes.CONFLICT);
      assertThat(conflict.err())
          .contains("Mission " + missionId + " has other evidence")
          .contains("already holds " + count + " event(s)");
      assertThat(target.get("/evidence/mission/" + missionId + "/events").json())
          .isEqualTo(original);
    } finally {
      target.platform.close();
    }
  }

  @Test
  void inputThatIsNotABackupIsRefusedWithTheMemberNamed() throws Exception {
    TestPlatform platform = TestPlatform.shared();

    assertBadRequest(platform.postJson("/evidence/import", "[]"), "a backup is a JSON object");
    assertBadRequest(platform.postEmpty("/evidence/import"), "Request body is required");
    assertBadRequest(
        platform.postJson("/evidence/import", "{\"missionId\":\"M-X1\",\"events\":[],\"x\":1}"),
        "the backup has unknown member(s) [x]");
    assertBadRequest(
        platform.postJson(
            "/evidence/import", "{\"missionId\":\"M-X1\",\"events\":[{\"id\":\"EVT-M-X1-1\"}]}"),
        "events[0] (EVT-M-X1-1): 'seq' is required and must be an integer");
    assertBadRequest(
        platform.postJson("/evidence/import", "{\"missionId\":\"../x\",\"events\":[{}]}"),
        "'missionId' must be a mission id");
    assertBadRequest(platform.postJson("/evidence/import", "{\"missionId\":"), "Malformed JSON");
    Response text =
        platform.send(
            HttpRequest.newBuilder(URI.create(platform.url() + "/evidence/import"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("missionId=M-1"))
                .build());
    assertThat(text.status()).isEqualTo(415);

    CliRun notJson =
        CliRun.atomic(
            "evidence",
            "import",
            Files.writeString(Files.createTempFile("backup", ".json"), "not json").toString(),
            "--url",
            platform.url());
    assertThat(notJson.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(notJson.err()).contains("is not JSON").doesNotContain("\tat ");
  }

  private static void assertBadRequest(Response response, String error) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.json().get("error").asText()).contains(error);
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  /** The altered backup is refused by the CLI and the API, naming the event; nothing is stored. */
  private static void assertRefused(
      TestPlatform target, Path dir, ObjectNode altered, String failure) throws Exception {
    Path file =
        Files.writeString(Files.createTempFile(dir, "altered", ".json"), altered.toString());
    CliRun run = CliRun.atomic("evidence", "import", file.toString(), "--url", target.url());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .contains("The backup's chain does not verify: " + failure)
        .contains("nothing was written")
        .doesNotContain("\tat ");
    Response response = target.postJson("/evidence/import", altered.toString());
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.json().get("error").asText()).contains(failure);
    String missionId = altered.get("missionId").asText();
    assertThat(target.get("/evidence/mission/" + missionId + "/events").status()).isEqualTo(404);
  }

  private static Map<String, Object> database(String name) {
    return Map.of("DATABASE_URL", postgresUrl(name));
  }

  /** The runbook's DATABASE_URL form for a database of the test PostgreSQL server. */
  private static String postgresUrl(String name) {
    URI server = URI.create(TestDatabase.POSTGRES_URL.substring("jdbc:".length()));
    return "postgres://" + TestDatabase.POSTGRES_USER + "@" + server.getAuthority() + "/" + name;
  }

  private static void admin(String sql) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
