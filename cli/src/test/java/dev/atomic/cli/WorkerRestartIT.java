package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A mission outlives its worker process: the embedded server runs without workers, a worker
 * runs in a second JVM, is killed while the mission waits, and a new one finishes the job.
 */
class WorkerRestartIT {

  private TestPlatform platform;
  private Process worker;

  @BeforeEach
  void startPlatformWithoutWorkers() {
    platform = TestPlatform.dedicated(false);
  }

  @AfterEach
  void stopEverything() {
    if (worker != null) {
      worker.destroyForcibly();
    }
    platform.platform.close();
  }

  @Test
  void aMissionSurvivesAWorkerRestartWithoutDuplicateEvents() throws Exception {
    worker = startWorker("first");
    String id = platform.createMission("Survive a restart", "medium");
    assertThat(platform.postEmpty("/missions/" + id + "/checkpoints/plan/approve").status()).isEqualTo(200);
    assertThat(platform.postEmpty("/missions/" + id + "/batches").status()).isEqualTo(201);

    // The mission now waits at execute; its worker dies without any chance to clean up.
    worker.destroyForcibly();
    assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
    worker = startWorker("second");

    MissionCommandIT.Run approved =
        new MissionCommandIT().atomicFor(
            "mission", "approve", "--mission", id, "--checkpoint", "execute", "--actor", "bob",
            "--temporal", platform.temporal());
    assertThat(approved.exitCode()).as(approved.err()).isZero();
    assertThat(platform.postEmpty("/missions/" + id + "/checkpoints/finalize/approve").json().get("status").asText())
        .isEqualTo("completed");

    List<EvidenceEvent> events = platform.store().events(id);
    assertThat(events).extracting(EvidenceEvent::id).doesNotHaveDuplicates();
    assertThat(events).extracting(EvidenceEvent::seq)
        .containsExactly(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toArray(Long[]::new));
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

  /** {@code atomic worker} in a JVM of its own, sharing the platform's H2 file and Temporal. */
  private Process startWorker(String name) throws IOException {
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
                "0")
            .redirectErrorStream(true);
    builder.environment().remove("LOG_FORMAT");
    Process process = builder.start();
    CompletableFuture<Boolean> ready = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
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
      assertThat(ready.get(90, TimeUnit.SECONDS)).as("worker started; log in " + log + File.separator).isTrue();
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("worker did not start; see " + log, e);
    }
    return process;
  }
}
