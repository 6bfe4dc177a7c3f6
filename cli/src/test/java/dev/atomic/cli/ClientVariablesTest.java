package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client variables of docs/configuration.md, set in the environment of an {@code atomic}
 * process (picocli reads them from the real environment), change where it sends a request and with
 * which credential.
 */
class ClientVariablesTest {

  @Test
  void atomicUrlAndAtomicApiKeyChooseTheServerAndTheBearer(@TempDir Path home) throws Exception {
    Map<String, String> seen = new ConcurrentHashMap<>();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          seen.put("path", exchange.getRequestURI().getPath());
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          seen.put("authorization", authorization == null ? "none" : authorization);
          byte[] body = "{\"error\":\"Mission not found\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();

      run(
          Map.of(
              "ATOMIC_URL", url, "ATOMIC_API_KEY", "ak_test_123", "ATOMIC_HOME", home.toString()),
          "mission",
          "status",
          "--mission",
          "M-42");

      assertThat(seen).containsEntry("path", "/missions/M-42");
      assertThat(seen).containsEntry("authorization", "Bearer ak_test_123");
    } finally {
      server.stop(0);
    }
  }

  private static void run(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("ATOMIC_API_KEY");
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }
}
