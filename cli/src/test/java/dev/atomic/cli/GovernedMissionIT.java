package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.dte.DemoRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Governed missions end to end on the embedded platform: CS-003 on a git origin. */
@Timeout(600)
class GovernedMissionIT {

  private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");

  private final TestPlatform platform = TestPlatform.shared();

  /** A git origin with the billing example on main, under the platform's allowed root. */
  private Path origin(String name) throws Exception {
    return platform.billingOrigin(name);
  }

  private String create(Path origin, String risk, String specJson) {
    return create(origin, risk, specJson, "");
  }

  /**
   * @param extra further fields of the body, each followed by a comma
   */
  private String create(Path origin, String risk, String specJson, String extra) {
    Response created =
        platform.postJson(
            "/missions",
            """
        {"title": "Move off MoneyUtils", "risk": "%s", "requestedBy": "alice", %s
         "repository": {"url": "%s", "ref": "main"}, "batchSize": 1, "changeSpec": %s}
        """
                .formatted(risk, extra, origin.toUri(), specJson));
    assertThat(created.status()).as(created.body()).isIn(201, 202);
    return created.json().get("missionId").asText();
  }

  private static String cs003() throws Exception {
    return Files.readString(DemoRepo.EXAMPLES.resolve("specs/CS-003.json"));
  }

  private JsonNode await(String id, String status) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    JsonNode mission = null;
    while (System.nanoTime() < deadline) {
      mission = platform.get("/missions/" + id).json();
      if (status.equals(mission.get("status").asText())) {
        return mission;
      }
      TestPlatform.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("mission " + id + " never became " + status + ": " + mission);
  }

  private JsonNode awaitCheckpoint(String id, String name, String status) {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    JsonNode mission = null;
    while (System.nanoTime() < deadline) {
      mission = platform.get("/missions/" + id).json();
      if (status.equals(checkpoint(mission, name).get("status").asText())) {
        return mission;
      }
      TestPlatform.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError(
        "checkpoint " + name + " of " + id + " never became " + status + ": " + mission);
  }

  private static JsonNode checkpoint(JsonNode mission, String name) {
    for (JsonNode c : mission.get("checkpoints")) {
      if (name.equals(c.get("name").asText())) {
        return c;
      }
    }
    throw new AssertionError("no checkpoint " + name);
  }

  private static List<String> branchCommits(Path origin, String branch) throws Exception {
    List<String> messages = new ArrayList<>();
    try (Git git = Git.open(origin.toFile())) {
      ObjectId tip = git.getRepository().resolve("refs/heads/" + branch);
      if (tip == null) {
        return messages;
      }
      git.log().add(tip).call().forEach(c -> messages.add(c.getShortMessage()));
    }
    return messages;
  }

  private static ObjectId tree(Path origin, String ref) throws Exception {
    try (Git git = Git.open(origin.toFile())) {
      return git.getRepository().resolve(ref + "^{tree}");
    }
  }

  @Test
  void aMissionRunsFromPlanToAuditPackWithEveryBatchACommitAtTheOrigin() throws Exception {
    Path origin = origin("full");
    String id = create(origin, "medium", cs003());

    JsonNode planned = await(id, "awaiting_approval");
    JsonNode plan = checkpoint(planned, "plan");
    assertThat(plan.get("status").asText()).isEqualTo("awaiting_approval");
    assertThat(plan.get("artifacts").toString())
        .contains("\"type\":\"diff\"", "\"type\":\"batches\"", "every batch compiles");
    JsonNode batches = checkpoint(planned, "execute").get("batches");
    assertThat(batches).hasSize(7);
    assertThat(batches.get(4).get("dependsOn").toString()).contains("batch-4");
    Response diff = platform.get("/missions/" + id + "/diff");
    assertThat(diff.status()).isEqualTo(200);
    assertThat(diff.body())
        .contains("+++ b/src/main/java/com/acme/report/Dashboard.java", "formatCompact");

    CliRun cliDiff = CliRun.atomic("mission", "diff", "--mission", id, "--url", platform.url());
    assertThat(cliDiff.out()).isEqualTo(diff.body());

    Response approved =
        platform.postJson("/missions/" + id + "/checkpoints/plan/approve", "{\"actor\":\"bob\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    // watching returns once finalize waits for a human
    CliRun watched =
        CliRun.atomic("mission", "status", "--mission", id, "--url", platform.url(), "--watch");
    assertThat(watched.exitCode()).as(watched.err()).isZero();
    assertThat(watched.out())
        .contains("batch-5   applied", "(depends on batch-4)", "verification passed: tests run 26");
    JsonNode finalizing = await(id, "finalizing");

    assertThat(checkpoint(finalizing, "execute").get("batches"))
        .allMatch(b -> b.get("status").asText().equals("applied"));
    JsonNode metrics = checkpoint(finalizing, "verify").get("metrics");
    assertThat(metrics.get("passed").asBoolean()).as(metrics.toString()).isTrue();
    assertThat(metrics.get("mutationScore").asDouble()).isGreaterThanOrEqualTo(0.6);
    assertThat(metrics.get("testsRun").asInt()).isPositive();
    assertThat(branchCommits(origin, "atomic/" + id))
        .hasSize(8)
        .first()
        .asString()
        .startsWith("CS-003 batch 7/7");

    platform.postJson("/missions/" + id + "/checkpoints/finalize/approve", "{\"actor\":\"carol\"}");
    JsonNode completed = await(id, "completed");
    JsonNode pack = checkpoint(completed, "finalize").get("auditPack");
    Response zip = platform.get("/missions/" + id + "/audit-pack");
    assertThat(zip.status()).isEqualTo(200);
    assertThat(zip.headers().get("x-atomic-sha256")).containsExactly(pack.get("sha256").asText());
    String events = platform.get("/evidence/mission/" + id + "/events").body();
    assertThat(events)
        .contains(
            "PlanPrepared",
            "BatchExecuted",
            "VerificationCompleted",
            "AuditPackGenerated",
            "MissionCompleted");
    JsonNode chain = platform.get("/evidence/mission/" + id + "/verify").json();
    assertThat(chain.path("failure").isNull() || chain.path("failure").isMissingNode())
        .as(chain.toString())
        .isTrue();
    assertThat(tree(origin, "main")).isNotEqualTo(tree(origin, "atomic/" + id));
    // the governed history replays on the workflow code as it is
    io.temporal.client.WorkflowClient client =
        platform.platform.context().getBean(io.temporal.client.WorkflowClient.class);
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(
        client.fetchHistory(id), dev.atomic.mission.MissionWorkflowImpl.class);
    // what the Temporal Web UI shows
    io.temporal.client.WorkflowExecutionDescription described =
        client.newUntypedWorkflowStub(id).describe();
    assertThat(described.getStaticSummary()).isEqualTo("Move off MoneyUtils (medium risk)");
    assertThat(described.getStaticDetails())
        .contains("Governed mission on file:", "ChangeSpec CS-003");
  }

  @Test
  void aRejectedPlanCommitsNothing() throws Exception {
    Path origin = origin("reject-plan");
    String id = create(origin, "medium", cs003());
    await(id, "awaiting_approval");

    Response rejected =
        platform.postJson("/missions/" + id + "/checkpoints/plan/reject", "{\"actor\":\"bob\"}");

    assertThat(rejected.status()).isEqualTo(200);
    assertThat(await(id, "rejected").get("reason").asText()).contains("plan rejected by bob");
    assertThat(branchCommits(origin, "atomic/" + id)).isEmpty();
  }

  @Test
  void rollbackNamesDependentsCascadesAndVerifiesAgainAndARejectionRestoresTheBase()
      throws Exception {
    Path origin = origin("rollback");
    String id = create(origin, "low", cs003());
    await(id, "finalizing");

    Response refused =
        platform.postJson("/missions/" + id + "/rollback/batch-4", "{\"actor\":\"bob\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("batch-5 depends on it", "cascade");
    Response alone =
        platform.postJson(
            "/missions/" + id + "/rollback/batch-1", "{\"actor\":\"bob\",\"reason\":\"review\"}");
    assertThat(alone.status()).as(alone.body()).isEqualTo(200);
    // Invoice calls MoneyUtils.format again: verify runs again, fails, and waits for a human
    JsonNode reverified = awaitCheckpoint(id, "verify", "awaiting_approval");
    assertThat(checkpoint(reverified, "verify").get("metrics").get("passed").asBoolean()).isFalse();
    assertThat(checkpoint(reverified, "verify").get("metrics").get("invariantsFailed").toString())
        .contains("NoMoneyUtilsFormatCallsRemain");
    Response cascaded =
        platform.postJson(
            "/missions/" + id + "/rollback/batch-4", "{\"actor\":\"bob\",\"cascade\":true}");
    assertThat(cascaded.status()).as(cascaded.body()).isEqualTo(200);
    assertThat(cascaded.json().get("message").asText())
        .contains("batch-5, batch-4 rolled back (cascade)");
    awaitCheckpoint(id, "verify", "awaiting_approval");
    Response approvedSilently =
        platform.postJson(
            "/missions/" + id + "/checkpoints/verify/approve", "{\"actor\":\"carol\"}");
    assertThat(approvedSilently.status()).isEqualTo(409);
    assertThat(approvedSilently.body()).contains("needs a comment");

    platform.postJson("/missions/" + id + "/checkpoints/verify/reject", "{\"actor\":\"carol\"}");
    JsonNode rejected = await(id, "rejected");

    assertThat(checkpoint(rejected, "execute").get("batches"))
        .allMatch(b -> b.get("status").asText().equals("rolled_back"));
    assertThat(tree(origin, "atomic/" + id)).isEqualTo(tree(origin, "main"));
    assertThat(platform.get("/evidence/mission/" + id + "/events").body())
        .contains("RollbackApplied", "MissionRejected");
  }

  @Test
  void aFinalizeRejectionRevertsEveryBatchNewestFirst() throws Exception {
    Path origin = origin("reject-finalize");
    String id = create(origin, "low", cs003());
    await(id, "finalizing");

    platform.postJson("/missions/" + id + "/checkpoints/finalize/reject", "{\"actor\":\"carol\"}");
    JsonNode rejected = await(id, "rejected");

    assertThat(checkpoint(rejected, "execute").get("batches"))
        .allMatch(b -> b.get("status").asText().equals("rolled_back"));
    assertThat(tree(origin, "atomic/" + id)).isEqualTo(tree(origin, "main"));
    List<String> commits = branchCommits(origin, "atomic/" + id);
    assertThat(commits).hasSize(15).first().asString().isEqualTo("Revert batch-1 of CS-003");
    assertThat(commits.get(6)).isEqualTo("Revert batch-7 of CS-003");
  }

  @Test
  void aBudgetTooSmallPausesExecuteUntilItIsRaisedAndExecuteApproved() throws Exception {
    Path origin = origin("budget");
    String id = create(origin, "low", cs003(), "\"budgetUsd\": 0.000001,");

    JsonNode paused = awaitCheckpoint(id, "execute", "awaiting_approval");

    assertThat(paused.get("status").asText()).isEqualTo("awaiting_approval");
    assertThat(paused.get("reason").asText())
        .contains("execute paused before batch-1", "mission:" + id);
    assertThat(checkpoint(paused, "plan").get("artifacts").toString())
        .contains("\"type\":\"forecast\"");
    assertThat(branchCommits(origin, "atomic/" + id)).isEmpty();
    Response raised = put("/finops/budgets/mission:" + id, "{\"total\": 100}");
    assertThat(raised.status()).as(raised.body()).isEqualTo(200);

    Response resumed =
        platform.postJson(
            "/missions/" + id + "/checkpoints/execute/approve",
            "{\"actor\":\"bob\",\"comment\":\"budget raised\"}");

    assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
    await(id, "finalizing");
    assertThat(branchCommits(origin, "atomic/" + id)).hasSize(8);
    assertThat(platform.get("/evidence/mission/" + id + "/events").body())
        .contains("BudgetBreached");
  }

  @Test
  void anApprovalLeftWaitingExpiresTheMissionAndCommitsNothing() throws Exception {
    Path origin = origin("expiry");
    String id = create(origin, "medium", cs003(), "\"approvalTimeout\": \"3s\",");

    JsonNode expired = await(id, "expired");

    assertThat(expired.get("reason").asText())
        .contains("no decision within", "plan is awaiting approval");
    assertThat(branchCommits(origin, "atomic/" + id)).isEmpty();
  }

  @Test
  void aCredentialInThePlannedDiffFailsTheMissionWithWhereItIs() throws Exception {
    Path origin = origin("secret");
    String key = "AKIA" + "QX7RZ2M4TB6N3PLW";
    String spec =
        cs003()
            .replace("\"CS-003\"", "\"CS-903\"")
            .replace(" * Amounts from", " * Deploy key " + key + ".\\n * Amounts from");
    String id = create(origin, "medium", spec);

    JsonNode failed = await(id, "failed");

    assertThat(failed.get("reason").asText())
        .contains("secret", "src/main/java/com/acme/money/MoneyFormat.java:");
    String events = platform.get("/evidence/mission/" + id + "/events").body();
    assertThat(events).contains("MissionFailed", "\"rule\"").doesNotContain(key);
    assertThat(branchCommits(origin, "atomic/" + id)).isEmpty();
  }

  @Test
  void aMissionCreatedWithoutItsSpecPlansOnceTheSpecArrives() throws Exception {
    Path origin = origin("late-spec");
    Response created =
        platform.postJson(
            "/missions",
            "{\"title\":\"t\",\"repository\":{\"url\":\""
                + origin.toUri()
                + "\"},\"batchSize\":1}");
    String id = created.json().get("missionId").asText();
    assertThat(checkpoint(created.json(), "plan").get("status").asText()).isEqualTo("running");
    String ledger = platform.createMission("ledger", "medium");

    Response invalid = put("/missions/" + id + "/changespec", "{\"id\": 1}");
    Response onLedger = put("/missions/" + ledger + "/changespec", cs003());
    Response attached = put("/missions/" + id + "/changespec", cs003());
    Response again = put("/missions/" + id + "/changespec", cs003());
    Response batch = platform.postJson("/missions/" + id + "/batches", "{}");

    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("/id");
    assertThat(onLedger.status()).isEqualTo(409);
    assertThat(onLedger.body()).contains("ledger mission");
    assertThat(attached.status()).as(attached.body()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("already has its ChangeSpec");
    assertThat(batch.status()).isEqualTo(409);
    assertThat(batch.body()).contains("governed");
    JsonNode planned = awaitCheckpoint(id, "plan", "awaiting_approval");
    assertThat(checkpoint(planned, "execute").get("batches")).hasSize(7);
    assertThat(platform.get("/evidence/mission/" + id + "/events").body())
        .contains("ChangeSpecAttached", "PlanPrepared");
  }

  private Response put(String path, String json) {
    return platform.send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(platform.url() + path))
            .header("Content-Type", "application/json")
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  @Test
  void twentyGovernedMissionsRunInParallelWithIntactChains() throws Exception {
    String spec =
        """
        {"id": "CS-900", "intent": "Say hi instead of hello", "scope": ["config/*.properties"],
         "language": "java", "patches": [{"astOp": "editRegex", "path": "config/app.properties",
         "details": {"pattern": "greeting=hello", "replacement": "greeting=hi"}}],
         "invariants": [{"name": "NoHello", "type": "regex", "spec": "greeting=hello"}], "risk": "low"}
        """;
    List<Path> origins = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Path repo = platform.home.resolve("origins").resolve("tiny-" + i + "-" + System.nanoTime());
      Files.createDirectories(repo.resolve("config"));
      Files.createDirectories(repo.resolve("src/main/java/p"));
      Files.writeString(repo.resolve("config/app.properties"), "greeting=hello\n");
      Files.writeString(repo.resolve("src/main/java/p/A.java"), "package p;\n\nclass A {}\n");
      try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
        git.add().addFilepattern(".").call();
        git.commit().setAuthor(ME).setCommitter(ME).setSign(false).setMessage("tiny").call();
      }
      origins.add(repo);
    }
    List<java.util.concurrent.CompletableFuture<String>> started = new ArrayList<>();
    for (Path origin : origins) {
      started.add(
          java.util.concurrent.CompletableFuture.supplyAsync(() -> create(origin, "low", spec)));
    }
    List<String> ids = started.stream().map(java.util.concurrent.CompletableFuture::join).toList();

    for (String id : ids) {
      await(id, "finalizing");
      platform.postJson(
          "/missions/" + id + "/checkpoints/finalize/approve", "{\"actor\":\"carol\"}");
    }
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      assertThat(await(id, "completed").toString()).contains("\"auditPack\"");
      JsonNode chain = platform.get("/evidence/mission/" + id + "/verify").json();
      assertThat(chain.path("failure").isNull() || chain.path("failure").isMissingNode())
          .as(id + " " + chain)
          .isTrue();
      assertThat(branchCommits(origins.get(i), "atomic/" + id)).hasSize(2);
    }
    assertThat(ids).doesNotHaveDuplicates();
  }

  @Test
  void badGovernedInputIsRefusedWithTheField() throws Exception {
    Path origin = origin("bad");
    String url = origin.toUri().toString();
    Response invalid =
        platform.postJson(
            "/missions",
            "{\"title\":\"t\",\"repository\":{\"url\":\"" + url + "\"},\"changeSpec\":{\"id\":1}}");
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.body()).contains("/changeSpec/id");
    assertThat(
            platform
                .postJson(
                    "/missions",
                    "{\"title\":\"t\",\"repository\":{\"url\":\"/etc\"},\"changeSpec\":"
                        + cs003()
                        + "}")
                .status())
        .isEqualTo(422);
    Response withToken =
        platform.postJson(
            "/missions",
            "{\"title\":\"t\",\"repository\":{\"url\":\"https://bob:ghp_secret@example.com/r.git\"},\"changeSpec\":"
                + cs003()
                + "}");
    assertThat(withToken.status()).isEqualTo(422);
    assertThat(withToken.body())
        .contains("carries credentials", "ATOMIC_GIT_TOKEN")
        .doesNotContain("ghp_secret");
    assertThat(
            platform
                .postJson(
                    "/missions",
                    "{\"title\":\"t\",\"repository\":{\"url\":\""
                        + url
                        + "\"},\"batchSize\":0,\"changeSpec\":"
                        + cs003()
                        + "}")
                .status())
        .isEqualTo(400);
    assertThat(
            platform
                .postJson(
                    "/missions",
                    "{\"title\":\"t\",\"repository\":{\"url\":\""
                        + url
                        + "\"},\"budgetUsd\":-1,\"changeSpec\":"
                        + cs003()
                        + "}")
                .status())
        .isEqualTo(400);
    assertThat(
            platform
                .postJson("/missions", "{\"title\":\"t\",\"approvalTimeout\":\"soon\"}")
                .status())
        .isEqualTo(400);
    assertThat(
            platform
                .postJson("/missions", "{\"title\":\"t\",\"changeSpec\":" + cs003() + "}")
                .status())
        .isEqualTo(400);
  }
}
