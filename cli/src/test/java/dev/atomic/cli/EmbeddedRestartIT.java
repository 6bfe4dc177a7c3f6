package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What happens across restarts of the embedded platform, and when one is already running. */
class EmbeddedRestartIT {

  @Test
  void missionsLostWithTheEmbeddedServerAreMarkedFailedNotForgotten() throws Exception {
    Path home = TestPlatform.newHome();
    TestPlatform first = TestPlatform.dedicated(true, home);
    String active = first.createMission("Interrupted by a restart", "medium");
    String done = first.createMission("Finished before", "medium");
    first.postEmpty("/missions/" + done + "/checkpoints/plan/reject");
    first.platform.close();

    TestPlatform second = TestPlatform.dedicated(true, home);
    try {
      JsonNode failed = second.get("/missions/" + active).json();
      assertThat(failed.get("status").asText()).isEqualTo("failed");
      assertThat(failed.get("reason").asText()).contains("no longer knows its workflow");
      assertThat(failed.at("/checkpoints/0/status").asText()).isEqualTo("failed");
      assertThat(second.get("/missions/" + done).json().get("status").asText())
          .isEqualTo("rejected");
      List<EvidenceEvent> events = second.store().events(active);
      assertThat(events)
          .last()
          .extracting(EvidenceEvent::type)
          .isEqualTo(EventTypes.MISSION_FAILED);
      assertThat(second.postEmpty("/missions/" + active + "/checkpoints/plan/approve").status())
          .isEqualTo(409);
    } finally {
      second.platform.close();
    }
  }

  @Test
  void aSecondDevOnTheSameHomeSaysSoInsteadOfFailingOnAPort() throws Exception {
    Path home = TestPlatform.newHome();
    Files.writeString(home.resolve("dev.info"), "Atomic is running (pid 4242)");
    try (FileChannel channel =
            FileChannel.open(
                home.resolve("dev.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = channel.lock()) {
      CommandLine command = Main.newCommandLine();
      StringWriter err = new StringWriter();
      command.setErr(new PrintWriter(err));

      int code = command.execute("dev", "--home", home.toString());

      assertThat(code).isEqualTo(ExitCodes.CONFLICT);
      assertThat(err.toString()).contains("Atomic dev is already running", "pid 4242");
    }
  }

  @Test
  void aBusyPortIsNamedWithTheSettingThatMovesIt() throws Exception {
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0)) {
      CommandLine command = Main.newCommandLine();
      StringWriter err = new StringWriter();
      command.setErr(new PrintWriter(err));

      int code =
          command.execute(
              "dev",
              "--home",
              TestPlatform.newHome().toString(),
              "--port",
              String.valueOf(busy.getLocalPort()),
              "--temporal-port",
              String.valueOf(TestPlatform.freePort()));

      assertThat(code).isEqualTo(ExitCodes.CONFLICT);
      assertThat(err.toString())
          .contains("port " + busy.getLocalPort() + " is already in use", "ATOMIC_PORT");
    }
  }
}
