package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.TestPlatform.Response;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A mission outlives its worker process: the embedded server runs without workers, a worker runs in
 * a second JVM, is killed while the mission waits, and a new one finishes the job.
 */
class WorkerRestartIT {

  private TestPlatform platform;
  private Process worker;
  private Process dteWorker;

  @BeforeEach
  void startPlatformWithoutWorkers() {
    platform = TestPlatform.dedicated(false);
  }

  @AfterEach
  void stopEverything() {
    if (worker != null) {
      worker.destroyForcibly();
    }
    if (dteWorker != null) {
      dteWorker.destroyForcibly();
    }
    platform.platform.close();
  }

  @Test
  void aMissionSurvivesAWorkerRestartWithoutDuplicateEvents() throws Exception {
    // With no worker on its queue the orchestrator cannot serve, and says why.
    Response before = platform.get(platform.servicePorts[1], "/health");
    assertThat(before.status()).as(before.body()).isEqualTo(503);
    assertThat(before.json().get("status").asText()).isEqualTo("unhealthy");
    assertThat(before.json().at("/checks/workers").asText())
        .startsWith("down: no worker has polled atomic-missions");
    assertThat(before.json().at("/checks/database").asText()).startsWith("up");
    assertThat(platform.get("/health").status()).as("the API needs no worker").isEqualTo(200);

    worker = startWorker("first");
    Response after = platform.get(platform.servicePorts[1], "/health");
    for (int i = 0; i < 60 && after.status() != 200; i++) {
      TestPlatform.sleep(java.time.Duration.ofMillis(500));
      after = platform.get(platform.servicePorts[1], "/health");
    }
    assertThat(after.status()).as(after.body()).isEqualTo(200);
    assertThat(after.json().at("/checks/workers").asText())
        .contains("worker(s) on atomic-missions");
    String id = platform.createMission("Survive a restart", "medium");
    assertThat(platform.postEmpty("/missions/" + id + "/checkpoints/plan/approve").status())
        .isEqualTo(200);
    assertThat(platform.postEmpty("/missions/" + id + "/batches").status()).isEqualTo(201);

    // The mission now waits at execute; its worker dies without any chance to clean up.
    worker.destroyForcibly();
    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    worker = startWorker("second");

    MissionCommandIT.Run approved =
        new MissionCommandIT()
            .atomicFor(
                "mission",
                "approve",
                "--mission",
                id,
                "--checkpoint",
                "execute",
                "--actor",
                "bob",
                "--temporal",
                platform.temporal(),
                "--url",
                platform.url());
    assertThat(approved.exitCode()).as(approved.err()).isZero();
    assertThat(
            platform
                .postEmpty("/missions/" + id + "/checkpoints/finalize/approve")
                .json()
                .get("status")
                .asText())
        .isEqualTo("completed");

    List<EvidenceEvent> events = platform.store().events(id);
    assertThat(events).extracting(EvidenceEvent::id).doesNotHaveDuplicates();
    assertThat(events)
        .extracting(EvidenceEvent::seq)
        .containsExactly(
            java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toArray(Long[]::new));
    assertThat(events)
        .extracting(EvidenceEvent::type)
        .containsExactly(
            EventTypes.MISSION_CREATED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.BATCH_REGISTERED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.VERIFICATION_COMPLETED,
            EventTypes.CHECKPOINT_OPENED,
            EventTypes.CHECKPOINT_APPROVED,
            EventTypes.MISSION_COMPLETED);
  }

  @Test
  @org.junit.jupiter.api.Timeout(600)
  void aGovernedMissionSurvivesItsDteWorkerKilledDuringExecuteWithoutDuplicateCommitsOrEvents()
      throws Exception {
    worker = startWorker("core", "atomic-missions,atomic-gateway,atomic-finops,atomic-evidence");
    dteWorker = startWorker("dte-1", "atomic-dte");
    Path origin = platform.billingOrigin("restart");
    String spec = Files.readString(dev.atomic.dte.DemoRepo.EXAMPLES.resolve("specs/CS-003.json"));
    TestPlatform.Response created =
        platform.postJson(
            "/missions",
            "{\"title\":\"t\",\"risk\":\"low\",\"batchSize\":1,\"repository\":{\"url\":\""
                + origin.toUri()
                + "\"},\"changeSpec\":"
                + spec
                + "}");
    assertThat(created.status()).as(created.body()).isIn(201, 202);
    String id = created.json().get("missionId").asText();

    // Once two batches are at the origin, the DTE worker dies in the middle of the work.
    awaitMission(id, m -> m.toString().split("\"status\":\"applied\"", -1).length - 1 >= 2);
    dteWorker.destroyForcibly();
    assertThat(dteWorker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    dteWorker = startWorker("dte-2", "atomic-dte");
    com.fasterxml.jackson.databind.JsonNode done =
        awaitMission(id, m -> m.get("status").asText().equals("finalizing"));

    assertThat(done.toString().split("\"status\":\"applied\"", -1).length - 1).isEqualTo(7);
    List<String> trailers = new java.util.ArrayList<>();
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(origin.toFile())) {
      for (var commit :
          git.log().add(git.getRepository().resolve("refs/heads/atomic/" + id)).call()) {
        commit
            .getFullMessage()
            .lines()
            .filter(l -> l.startsWith("Atomic-Batch: "))
            .forEach(trailers::add);
      }
    }
    assertThat(trailers).hasSize(7).doesNotHaveDuplicates();
    List<EvidenceEvent> events = platform.store().events(id);
    assertThat(events).extracting(EvidenceEvent::id).doesNotHaveDuplicates();
    assertThat(events).filteredOn(e -> e.type().equals(EventTypes.BATCH_EXECUTED)).hasSize(7);
  }

  private com.fasterxml.jackson.databind.JsonNode awaitMission(
      String id, java.util.function.Predicate<com.fasterxml.jackson.databind.JsonNode> done) {
    long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
    com.fasterxml.jackson.databind.JsonNode mission = null;
    while (System.nanoTime() < deadline) {
      mission = platform.get("/missions/" + id).json();
      if (done.test(mission)) {
        return mission;
      }
      TestPlatform.sleep(java.time.Duration.ofMillis(100));
    }
    throw new AssertionError("mission " + id + " did not get there: " + mission);
  }

  private Process startWorker(String name) throws IOException {
    return startWorker(name, "all");
  }

  /** {@code atomic worker} in a JVM of its own, sharing the platform's H2 file and Temporal. */
  private Process startWorker(String name, String queues) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = Files.createTempFile("atomic-worker-" + name, ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "worker",
                "--temporal",
                platform.temporal(),
                "--home",
                platform.home.toString(),
                "--port",
                "0",
                "--queues",
                queues)
            .redirectErrorStream(true);
    builder.environment().remove("LOG_FORMAT");
    builder.environment().put("ATOMIC_DTE_ALLOWED_ROOTS", platform.home.toString());
    Process process = builder.start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.APPEND);
                  if (line.contains("Workers polling")) {
                    ready.complete(true);
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.complete(false);
            },
            "worker-" + name + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      assertThat(ready.get(90, TimeUnit.SECONDS))
          .as("worker started; log in " + log + File.separator)
          .isTrue();
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("worker did not start; see " + log, e);
    }
    return process;
  }
}
