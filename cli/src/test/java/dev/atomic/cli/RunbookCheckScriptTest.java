package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@code scripts/runbook-check.sh --print} makes of the runbook's ports and mission. */
@Timeout(60)
class RunbookCheckScriptTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void aPortWrittenForOneServiceIsNeverRewrittenAsAnother(@TempDir Path work) throws Exception {
    // 3001 moves to a port that begins with another mapped port, 3004: a second rewrite of the
    // already mapped text would turn localhost:30041 into localhost:209441
    String printed = print(work, "8080=18080 3001=30041 3004=20944", "M-runbook-7");

    assertThat(printed)
        .contains(
            "http://localhost:30041/health",
            "http://localhost:20944/health",
            "http://localhost:3002/health",
            "M-runbook-7")
        .doesNotContain("209441", "localhost:3001/", "localhost:3004/", "localhost:8080", "M-123")
        .containsPattern("runbook check: \\d+ block\\(s\\) printed, \\d+ skipped");
  }

  @Test
  void aBadPortMappingIsRefusedByName(@TempDir Path work) throws Exception {
    ProcessBuilder run = script(work, "3001=http://x", "M-1");
    Process process = run.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("bad ATOMIC_RUNBOOK_PORTS entry '3001=http://x'");
  }

  private static String print(Path work, String ports, String mission) throws Exception {
    Process process = script(work, ports, mission).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private static ProcessBuilder script(Path work, String ports, String mission) throws Exception {
    Path scratch = Files.createDirectories(work.resolve("scratch"));
    ProcessBuilder run =
        new ProcessBuilder(
                "bash", ROOT.resolve("scripts/runbook-check.sh").toString(), "--print", mission)
            .redirectErrorStream(true);
    run.environment().put("ATOMIC_RUNBOOK_PORTS", ports);
    run.environment().put("ATOMIC_RUNBOOK_WORK", scratch.toString());
    return run;
  }
}
