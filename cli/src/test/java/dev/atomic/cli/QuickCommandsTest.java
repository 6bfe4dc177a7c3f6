package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * The REST commands start as plain HTTP clients: run as {@code atomic} runs them, in a JVM of their
 * own, they load no Spring, Temporal, gRPC, OpenRewrite, Groovy or Logback class.
 */
class QuickCommandsTest {

  private static final String MISSION =
      """
      {"missionId":"M-QUICK","title":"Rename UserId","risk":"low","status":"awaiting_approval",
       "requestedBy":"ann","createdAt":"2026-01-01T00:00:00Z",
       "checkpoints":[{"name":"plan","actor":"human","status":"awaiting_approval"}]}
      """;
  private static final String EVENTS =
      """
      {"missionId":"M-QUICK","count":1,"events":[{"seq":1,"timestamp":"2026-01-01T00:00:00Z",
       "type":"MissionCreated","actor":"ann","data":{"risk":"low"}}]}
      """;
  private static final List<String> HEAVY =
      List.of(
          "org.springframework.",
          "io.temporal.",
          "io.grpc.",
          "org.openrewrite.",
          "groovy.",
          "org.codehaus.groovy.",
          "ch.qos.logback.");

  private static HttpServer api;
  private static final List<String> requests = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void startApi() throws IOException {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext(
        "/",
        exchange -> {
          try (exchange) {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
              requests.add(exchange.getRequestMethod() + " " + path);
            }
            String body =
                path.startsWith("/evidence/")
                    ? EVENTS
                    : path.equals("/missions") ? "[" + MISSION + "]" : MISSION;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(bytes);
            }
          }
        });
    api.start();
  }

  @AfterAll
  static void stopApi() {
    api.stop(0);
  }

  @Test
  void missionListLoadsNoPlatformClasses() throws Exception {
    Child run = atomic("mission", "list", "--url", url());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("M-QUICK  Rename UserId  risk=low  status=awaiting_approval");
    assertThat(run.heavyClasses()).isEmpty();
  }

  @Test
  void missionStatusLoadsNoPlatformClasses() throws Exception {
    Child run = atomic("mission", "status", "--mission", "M-QUICK", "--url", url());

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("plan      human  awaiting_approval");
    assertThat(run.heavyClasses()).isEmpty();
  }

  @Test
  void approvalOverRestLoadsNoPlatformClasses() throws Exception {
    Child run =
        atomic(
            "mission", "approve", "--mission", "M-QUICK", "--checkpoint", "plan", "--url", url());

    assertThat(run.exitCode()).as(run.output()).isZero();
    synchronized (requests) {
      assertThat(requests).contains("POST /missions/M-QUICK/checkpoints/plan/approve");
    }
    assertThat(run.heavyClasses()).isEmpty();
  }

  @Test
  void evidenceEventsLoadsNoPlatformClasses() throws Exception {
    Child run =
        atomic("evidence", "events", "--mission", "M-QUICK", "--url", url(), "--output", "json");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("\"type\" : \"MissionCreated\"");
    assertThat(run.heavyClasses()).isEmpty();
  }

  @Test
  void helpStillListsEveryCommandButTheArchiveTraining() {
    CliRun help = CliRun.atomic("--help");

    assertThat(help.exitCode()).isZero();
    for (String name : AtomicCommand.SUBCOMMANDS.keySet()) {
      if (name.equals("cds-training")) {
        assertThat(help.out()).doesNotContain(name);
      } else {
        assertThat(help.out()).containsPattern("(?m)^\\s+" + name + "\\s");
      }
    }
  }

  @Test
  void theArchiveTrainingRunsTheRestCommandsWithoutAPlatform() {
    CliRun training = CliRun.atomic("cds-training");

    assertThat(training.exitCode()).as(training.err()).isZero();
  }

  @Test
  void eachSubcommandIsRegisteredUnderItsOwnName() {
    AtomicCommand.SUBCOMMANDS.forEach(
        (name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
  }

  private static String url() {
    return "http://127.0.0.1:" + api.getAddress().getPort();
  }

  /** What a child JVM running {@code atomic args} printed, and the classes it loaded. */
  private record Child(int exitCode, String output, List<String> loaded) {
    List<String> heavyClasses() {
      return loaded.stream().filter(c -> HEAVY.stream().anyMatch(c::startsWith)).toList();
    }
  }

  private Child atomic(String... args) throws Exception {
    Path classes = dir.resolve("classes.log");
    Path output = dir.resolve("output.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+load=info:file=" + classes);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> loaded = new ArrayList<>();
    for (String line : Files.readAllLines(classes)) {
      // [0.012s][info][class,load] java.lang.Object source: shared objects file
      String[] fields = line.split(" ");
      if (fields.length > 1) {
        loaded.add(fields[1]);
      }
    }
    return new Child(process.exitValue(), Files.readString(output), loaded);
  }
}
