package dev.atomic.cli.dev;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.cli.mission.TemporalMissions;
import dev.atomic.evidence.pack.AuditPackVerifier;
import dev.atomic.evidence.pack.SigningKeys;
import dev.atomic.evidence.pack.VerificationReport;
import dev.atomic.mission.CheckpointName;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code atomic demo}: one governed mission through every checkpoint, on a git origin made from the
 * billing example, with the approvals sent as Temporal signals and the audit pack verified offline
 * at the end. Uses the running platform, or starts the embedded one for the run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a complete governed mission: plan CS-003 on a git copy of examples/billing-repo, approve",
      "it (a Temporal signal), apply its batches, verify (tests, PIT), approve finalize and verify",
      "the audit pack offline. Uses the platform at --url, or starts the embedded one.",
      "Exits 0 only if the mission completed and its audit pack verifies."
    })
public class DemoCommand implements Callable<Integer> {

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "${env:ATOMIC_URL:-http://localhost:8080}",
      description =
          "REST endpoint of a running platform (env ATOMIC_URL, default ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--temporal",
      defaultValue = "${env:TEMPORAL_ADDRESS:-127.0.0.1:7233}",
      description = "Temporal frontend the approvals are signalled to (default ${DEFAULT-VALUE}).")
  String temporal;

  @Option(
      names = "--home",
      defaultValue = "${env:ATOMIC_HOME:-.atomic}",
      description = "Atomic home: the demo's origin, pack and key go under demo/ there.")
  Path home;

  @Option(
      names = "--examples",
      defaultValue = "${env:ATOMIC_EXAMPLES:-examples}",
      description = "The repository's examples directory (default ${DEFAULT-VALUE}).")
  Path examples;

  @Option(
      names = "--batch-size",
      defaultValue = "1",
      description =
          "Target files per batch (default ${DEFAULT-VALUE}: every independent edit its own commit).")
  int batchSize;

  @Option(names = "--approver", defaultValue = "demo-approver", description = "Who approves.")
  String approver;

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    long started = System.nanoTime();
    Path atomicHome = home.toAbsolutePath().normalize();
    Path example = examples.resolve("billing-repo");
    Path specFile = examples.resolve("specs/CS-003.json");
    if (!Files.isDirectory(example) || !Files.isRegularFile(specFile)) {
      throw new CliException(
          ExitCodes.USAGE,
          "cannot find the demo's example under "
              + examples.toAbsolutePath()
              + " (run it from the repository, or set --examples / ATOMIC_EXAMPLES)");
    }
    EmbeddedPlatform platform = null;
    DevLock lock = null;
    try {
      if (answers(url)) {
        say("Using the platform running at " + url + " (Temporal " + temporal + ")");
      } else {
        Optional<DevLock> acquired = DevLock.acquire(atomicHome);
        if (acquired.isEmpty()) {
          throw new CliException(
              ExitCodes.CONFLICT,
              "Atomic dev holds " + atomicHome + " but does not answer at " + url + "; set --url");
        }
        lock = acquired.get();
        say("Starting the embedded platform (Temporal, workers, REST API, database)…");
        platform = start(atomicHome);
        url =
            "http://localhost:"
                + platform.context().getEnvironment().getProperty("local.server.port", "8080");
        temporal = "127.0.0.1:" + platform.temporalPort();
        say("  started in " + seconds(started) + " s: REST " + url + ", Temporal " + temporal);
      }
      return run(atomicHome, example, specFile, started);
    } finally {
      if (platform != null) {
        say("Stopping the embedded platform…");
        platform.close();
      }
      if (lock != null) {
        lock.close();
      }
      out.flush();
    }
  }

  private EmbeddedPlatform start(Path atomicHome) throws IOException {
    // An allowed root must exist when the platform starts.
    Files.createDirectories(atomicHome.resolve("demo"));
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("spring.main.banner-mode", "off");
    extra.put("logging.level.root", "WARN");
    extra.put(
        "atomic.dte.allowed-roots",
        Path.of("").toAbsolutePath() + "," + atomicHome.resolve("demo"));
    // The demo's own REST port and a free Temporal port; the runbook's service ports stay closed.
    extra.put("atomic.ports.enabled", "false");
    int port = URI.create(url).getPort() < 0 ? 8080 : URI.create(url).getPort();
    return EmbeddedPlatform.start(
        new EmbeddedPlatform.Settings(atomicHome, "127.0.0.1", 0, port, null, true, extra));
  }

  private int run(Path atomicHome, Path example, Path specFile, long started) throws Exception {
    AtomicClient rest = new AtomicClient(url);
    Path demo = Files.createDirectories(atomicHome.resolve("demo"));
    Path origin = origin(example, demo.resolve("billing-" + System.currentTimeMillis()));
    say("\n1. A git origin with examples/billing-repo on main: " + origin);

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", "Demo: move callers off the deprecated MoneyUtils.format");
    body.put("risk", "medium");
    body.put("requestedBy", System.getProperty("user.name", "demo"));
    body.put("repository", Map.of("url", origin.toUri().toString(), "ref", "main"));
    body.put("changeSpec", Json.mapper().readTree(Files.readString(specFile)));
    body.put("batchSize", batchSize);
    String id = rest.post("/missions", body).get("missionId").asText();
    say("\n2. Mission " + id + " (medium risk) created with ChangeSpec CS-003; planning…");

    JsonNode mission =
        await(rest, id, m -> checkpointStatus(m, "plan").equals("awaiting_approval"));
    if (failed(mission)) {
      return ExitCodes.FAILED;
    }
    printPlan(mission, id);
    try (TemporalMissions signals = new TemporalMissions(temporal, "default")) {
      signals.signal(
          id,
          true,
          CheckpointName.PLAN,
          approver,
          "demo: diff and batches reviewed",
          rest.decisionToken(id, CheckpointName.PLAN, true, approver));
      say("   → plan approved by " + approver + " (Temporal signal approveCheckpoint)");

      say("\n4. Execute: one commit per batch on atomic/" + id + ", pushed to the origin");
      Set<String> shown = new LinkedHashSet<>();
      mission =
          await(
              rest,
              id,
              m -> {
                for (JsonNode b : checkpoint(m, "execute").path("batches")) {
                  if ("applied".equals(b.path("status").asText())
                      && shown.add(b.get("id").asText())) {
                    say(
                        "   "
                            + b.get("id").asText()
                            + "  "
                            + b.get("commit").asText().substring(0, 12)
                            + "  "
                            + b.get("files").get(0).asText()
                            + (b.get("files").size() > 1
                                ? " (+" + (b.get("files").size() - 1) + ")"
                                : ""));
                  }
                }
                return !checkpointStatus(m, "verify").equals("pending")
                    && !checkpointStatus(m, "verify").equals("running");
              });
      if (failed(mission)) {
        return ExitCodes.FAILED;
      }
      mission =
          await(
              rest,
              id,
              m ->
                  checkpointStatus(m, "finalize").equals("awaiting_approval")
                      || checkpointStatus(m, "verify").equals("awaiting_approval"));
      JsonNode metrics = checkpoint(mission, "verify").path("metrics");
      say("\n5. Verify on the branch head (invariants, the project's tests, PIT)");
      say(
          "   passed "
              + metrics.path("passed").asBoolean()
              + "; tests run "
              + metrics.path("testsRun").asText("?")
              + ", failed "
              + metrics.path("testsFailed").asText("?")
              + "; mutation score "
              + figure(metrics.path("mutationScore"))
              + " vs threshold "
              + figure(metrics.path("mutationThreshold"))
              + " ("
              + metrics.path("mutantsKilled").asText("?")
              + "/"
              + metrics.path("mutantsTotal").asText("?")
              + " mutants detected)");
      if (!checkpointStatus(mission, "finalize").equals("awaiting_approval")) {
        say(
            "   verification did not pass: "
                + metrics.path("invariantsFailed")
                + " "
                + metrics.path("errors"));
        return ExitCodes.FAILED;
      }
      signals.signal(
          id,
          true,
          CheckpointName.FINALIZE,
          approver,
          "demo: verification figures reviewed",
          rest.decisionToken(id, CheckpointName.FINALIZE, true, approver));
      say("   → finalize approved by " + approver + " (Temporal signal approveCheckpoint)");
    }
    mission = await(rest, id, m -> isFinished(m));
    if (failed(mission) || !"completed".equals(mission.path("status").asText())) {
      say(
          "mission ended "
              + mission.path("status").asText()
              + ": "
              + mission.path("reason").asText());
      return ExitCodes.FAILED;
    }
    return summary(rest, mission, id, origin, demo, started);
  }

  private int summary(
      AtomicClient rest, JsonNode mission, String id, Path origin, Path demo, long started)
      throws IOException, GitAPIException {
    JsonNode pack = checkpoint(mission, "finalize").path("auditPack");
    Path zip = demo.resolve(id + "-audit-pack.zip");
    Files.write(zip, rest.getBytes("/missions/" + id + "/audit-pack").body());
    Path key = demo.resolve("audit-signing-key.pub.pem");
    Files.write(key, rest.getBytes("/evidence/public-key").body());
    VerificationReport report =
        new AuditPackVerifier()
            .verify(
                zip,
                SigningKeys.publicKeyFromPem(Files.readString(key, StandardCharsets.US_ASCII)));
    say(
        "\n6. Mission "
            + id
            + " "
            + mission.path("status").asText()
            + " in "
            + seconds(started)
            + " s");
    say("   branch atomic/" + id + " at " + origin + ":");
    try (Git git = Git.open(origin.toFile())) {
      for (RevCommit c :
          git.log()
              .add(git.getRepository().resolve("refs/heads/atomic/" + id))
              .setMaxCount(20)
              .call()) {
        say("     " + c.getName().substring(0, 12) + " " + c.getShortMessage());
      }
    }
    say(
        "   audit pack "
            + zip
            + " ("
            + pack.path("bytes").asText()
            + " bytes, sha256 "
            + pack.path("sha256").asText().substring(0, 16)
            + "…)");
    say("   offline verification: " + (report.ok() ? "verified" : "FAILED") + " with " + key);
    if (!report.ok()) {
      report.firstFailure().ifPresent(f -> say("   " + f.name() + ": " + f.message()));
      return ExitCodes.FAILED;
    }
    say("   check it yourself: atomic evidence verify " + zip + " --key " + key);
    return ExitCodes.OK;
  }

  private void printPlan(JsonNode mission, String id) {
    say("\n3. The plan, as the approver reviews it");
    for (JsonNode artifact : checkpoint(mission, "plan").path("artifacts")) {
      switch (artifact.path("type").asText()) {
        case "diff" ->
            say(
                "   diff: "
                    + artifact.path("files").asText()
                    + " files, +"
                    + artifact.path("insertions").asText()
                    + " -"
                    + artifact.path("deletions").asText()
                    + " (GET /missions/"
                    + id
                    + "/diff, sha256 "
                    + artifact.path("sha256").asText().substring(0, 16)
                    + "…)");
        case "batches" -> {
          say("   build check: " + artifact.path("buildCheck").asText());
          for (JsonNode b : artifact.path("batches")) {
            String needs =
                b.path("dependsOn").isEmpty()
                    ? ""
                    : "  depends on " + b.path("dependsOn").get(0).asText();
            say(
                "   "
                    + b.path("id").asText()
                    + "  "
                    + String.join(", ", texts(b.path("files")))
                    + needs
                    + (b.hasNonNull("reason") ? "  (" + b.path("reason").asText() + ")" : ""));
          }
        }
        case "preflight" ->
            say(
                "   gateway preflight of the ChangeSpec: "
                    + (artifact.path("ok").asBoolean() ? "ok" : "refused"));
        case "secretScan" ->
            say(
                "   secret scan of the added lines: "
                    + artifact.path("findings").size()
                    + " finding(s)");
        default -> {}
      }
    }
  }

  private static List<String> texts(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.asText().replaceFirst("^src/main/java/", ""))
        .toList();
  }

  private boolean failed(JsonNode mission) {
    if ("failed".equals(mission.path("status").asText())
        || "expired".equals(mission.path("status").asText())) {
      say("mission " + mission.path("status").asText() + ": " + mission.path("reason").asText());
      return true;
    }
    return false;
  }

  private static boolean isFinished(JsonNode m) {
    return List.of("completed", "rejected", "failed", "expired", "cancelled")
        .contains(m.path("status").asText());
  }

  private JsonNode await(
      AtomicClient rest, String id, java.util.function.Predicate<JsonNode> done) {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (true) {
      JsonNode mission = rest.get("/missions/" + AtomicClient.segment(id));
      if (done.test(mission) || isFinished(mission)) {
        return mission;
      }
      if (System.nanoTime() > deadline) {
        throw new CliException(
            ExitCodes.FAILED,
            "mission "
                + id
                + " made no progress in "
                + STEP_TIMEOUT.toMinutes()
                + " min; it is "
                + mission.path("status").asText());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCodes.FAILED, "interrupted");
      }
    }
  }

  private static JsonNode checkpoint(JsonNode mission, String name) {
    for (JsonNode c : mission.path("checkpoints")) {
      if (name.equals(c.path("name").asText())) {
        return c;
      }
    }
    return Json.mapper().createObjectNode();
  }

  private static String checkpointStatus(JsonNode mission, String name) {
    return checkpoint(mission, name).path("status").asText();
  }

  private static Path origin(Path example, Path target) throws IOException, GitAPIException {
    try (var files = Files.walk(example)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(example.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    PersonIdent demo = new PersonIdent("Atomic demo", "demo@atomic.invalid");
    try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit()
          .setAuthor(demo)
          .setCommitter(demo)
          .setSign(false)
          .setMessage("billing example")
          .call();
    }
    return target.toAbsolutePath().normalize();
  }

  private static boolean answers(String url) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(url + "/health").toURL().openConnection();
      connection.setConnectTimeout(1000);
      connection.setReadTimeout(2000);
      return connection.getResponseCode() == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String figure(JsonNode number) {
    return number.isNumber()
        ? String.format(java.util.Locale.ROOT, "%.2f", number.asDouble())
        : "-";
  }

  private static String seconds(long since) {
    return String.format("%.1f", (System.nanoTime() - since) / 1e9);
  }

  private void say(String line) {
    out.println(line);
    out.flush();
  }
}
