package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/operations.md is the runbook for this platform: {@code scripts/runbook-check.sh} runs each
 * of its {@code bash} blocks, in order, against a platform of its own, with a governed mission
 * waiting at finalize for the runbook's M-123, and every block must exit 0.
 */
@Timeout(1200)
class RunbookCheckIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SKIP = Pattern.compile("<!-- runbook-check: skip \\((.+)\\) -->");

  @Test
  void everyCommandOfTheOperationsGuideRunsAgainstTheEmbeddedPlatform() throws Exception {
    String doc = Files.readString(ROOT.resolve("docs/operations.md"));
    int blocks = count(doc, Pattern.compile("(?m)^```bash$"));
    Matcher skips = SKIP.matcher(doc);
    int skipped = 0;
    while (skips.find()) {
      assertThat(skips.group(1)).as("a skipped block says why").hasSizeGreaterThan(20);
      skipped++;
    }
    assertThat(count(doc, Pattern.compile("<!-- runbook-check: skip"))).isEqualTo(skipped);
    assertThat(blocks - skipped).as("blocks that run").isGreaterThanOrEqualTo(15);

    TestPlatform platform = TestPlatform.dedicated(true);
    try {
      String mission = governedMissionAtFinalize(platform);
      StringBuilder ports = new StringBuilder("8080=" + platform.apiPort);
      for (int i = 0; i < 5; i++) {
        ports.append(' ').append(3001 + i).append('=').append(platform.servicePorts[i]);
      }
      Path work = Files.createTempDirectory("atomic-runbook");
      Path output = work.resolveSibling(work.getFileName() + ".log");
      ProcessBuilder check =
          new ProcessBuilder("bash", ROOT.resolve("scripts/runbook-check.sh").toString(), mission)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      check.environment().put("ATOMIC_RUNBOOK_PORTS", ports.toString());
      check.environment().put("ATOMIC_RUNBOOK_WORK", work.toString());
      check.environment().put("ATOMIC_RUNBOOK_CLI", cli(work));
      check.environment().remove("ATOMIC_URL");
      check.environment().remove("TEMPORAL_ADDRESS");
      Process process = check.start();
      boolean done = process.waitFor(15, TimeUnit.MINUTES);
      if (!done) {
        process.destroyForcibly();
      }
      String log = Files.readString(output, StandardCharsets.UTF_8);
      Files.deleteIfExists(output);

      assertThat(done).as(log).isTrue();
      assertThat(process.exitValue()).as(log).isZero();
      assertThat(log)
          .contains(
              "runbook check: " + (blocks - skipped) + " block(s) ran, " + skipped + " skipped");
      // what the blocks did, seen from the platform
      assertThat(platform.get("/admin/maintenance").json().get("active").asBoolean()).isFalse();
      assertThat(Files.readString(work.resolve("backup").resolve(mission + ".json")))
          .contains("\"missionId\"", mission);
      assertThat(work.resolve("audit-pack.zip")).isNotEmptyFile();
      assertThat(platform.get("/finops/budget").json().get("total").asDouble()).isEqualTo(500.0);
      org.eclipse.jgit.util.FileUtils.delete(
          work.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
    } finally {
      platform.platform.close();
    }
  }

  /** The command the blocks run as {@code atomic}: this JVM's java on the test classpath. */
  private static String cli(Path work) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path classpath = work.resolveSibling(work.getFileName() + ".classpath");
    Files.writeString(
        classpath,
        "-cp "
            + String.join(
                File.pathSeparator,
                List.of(System.getProperty("java.class.path").split(File.pathSeparator))));
    return "'"
        + java
        + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC @'"
        + classpath
        + "' dev.atomic.cli.Main";
  }

  private static String governedMissionAtFinalize(TestPlatform platform) throws Exception {
    String id = platform.createGovernedMission(platform.billingOrigin("runbook"), "Runbook", "low");
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode mission = platform.get("/missions/" + id).json();
      if (mission.get("status").asText().equals("finalizing")) {
        return id;
      }
      TestPlatform.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("mission " + id + " never reached finalize");
  }

  private static int count(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
