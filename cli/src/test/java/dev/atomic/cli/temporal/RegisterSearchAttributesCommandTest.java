package dev.atomic.cli.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.CliRun;
import dev.atomic.cli.dev.EmbeddedTemporal;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class RegisterSearchAttributesCommandTest {

  @Test
  void registersTheMissionAttributesOnceAndLeavesThemAloneAfterwards() {
    try (EmbeddedTemporal temporal = EmbeddedTemporal.start("127.0.0.1", 0)) {
      String address = "127.0.0.1:" + temporal.port();

      CliRun first = CliRun.atomic("temporal", "register-search-attributes", "--temporal", address);
      CliRun again = CliRun.atomic("temporal", "register-search-attributes", "--temporal", address);

      assertThat(first.exitCode()).isZero();
      assertThat(first.out())
          .contains("registered AtomicMissionStatus (Keyword) in default")
          .contains("registered AtomicCheckpoint (Keyword) in default")
          .contains("registered AtomicRisk (Keyword) in default");
      assertThat(again.exitCode()).isZero();
      assertThat(again.out())
          .contains("AtomicMissionStatus is already registered in default")
          .contains("AtomicCheckpoint is already registered in default")
          .contains("AtomicRisk is already registered in default");
    }
  }

  @Test
  void anUnreachableFrontendFailsWithTheAddressAndNoStackTrace() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    CliRun run =
        CliRun.atomic(
            "temporal", "register-search-attributes", "--temporal", "127.0.0.1:" + closed);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "cannot register the search attributes in namespace default at 127.0.0.1:" + closed)
        .contains("UNAVAILABLE")
        .doesNotContain("\tat ");
  }
}
