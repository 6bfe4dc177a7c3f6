package dev.atomic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.dev.EmbeddedPlatform;
import dev.atomic.mission.MissionStore;
import dev.atomic.platform.Json;
import dev.atomic.testing.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The whole platform, started the way {@code atomic dev} starts it, on free ports and a temporary
 * Atomic home. One instance is shared by every test class of the JVM.
 */
final class TestPlatform {

  /** A small request limit, so the 413 path is cheap to reach. */
  static final int MAX_BODY_SIZE = 64 * 1024;

  static final int MAX_CONTENT_SIZE = 16 * 1024;

  /** The largest event data the evidence API takes, below the request limit. */
  static final int MAX_EVENT_BYTES = 4 * 1024;

  private static final java.util.Random RANDOM = new java.util.Random();
  private static final java.util.Set<Integer> USED = new java.util.HashSet<>();

  private static TestPlatform shared;

  /** Where budget alerts of every test platform are posted; it fails the first post. */
  static final WebhookReceiver WEBHOOK = WebhookReceiver.failingFirst(1);

  final EmbeddedPlatform platform;
  final Path home;
  final int apiPort;
  final int[] servicePorts;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestPlatform(boolean workers, Path home) {
    this(workers, home, Map.of());
  }

  private TestPlatform(boolean workers, Path home, Map<String, Object> overrides) {
    this.home = home;
    apiPort = freePort();
    servicePorts = new int[] {freePort(), freePort(), freePort(), freePort(), freePort()};
    platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Settings(
                home,
                "127.0.0.1",
                0,
                apiPort,
                servicePorts,
                workers,
                settings(
                    overrides,
                    "atomic.dte.allowed-roots",
                    home.toString(),
                    "atomic.max-body-size",
                    MAX_BODY_SIZE,
                    "atomic.gateway.max-request-size",
                    MAX_CONTENT_SIZE,
                    "atomic.gateway.providers.openai.secret-mode",
                    "block",
                    "atomic.gateway.providers.windsurf.enabled",
                    "false",
                    "atomic.gateway.rules-file",
                    java.nio.file.Path.of("src/test/resources/team-gitleaks.toml")
                        .toAbsolutePath()
                        .toString(),
                    "atomic.gateway.proprietary-markers",
                    "CONFIDENTIAL,ProjectZephyr",
                    "atomic.evidence.max-event-bytes",
                    MAX_EVENT_BYTES,
                    "spring.main.banner-mode",
                    "off",
                    "atomic.missions.update-timeout",
                    "10s",
                    "atomic.finops.webhook-url",
                    WEBHOOK.url())));
  }

  private static Map<String, Object> settings(Map<String, Object> overrides, Object... pairs) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put((String) pairs[i], pairs[i + 1]);
    }
    settings.putAll(overrides);
    return settings;
  }

  static synchronized TestPlatform shared() {
    if (shared == null) {
      shared = new TestPlatform(true, newHome());
      Runtime.getRuntime().addShutdownHook(new Thread(shared.platform::close));
    }
    return shared;
  }

  /** A platform of its own, e.g. one without workers; the caller closes it. */
  static TestPlatform dedicated(boolean workers) {
    return new TestPlatform(workers, newHome());
  }

  /** A platform of its own with further settings (e.g. authentication); the caller closes it. */
  static TestPlatform dedicated(Map<String, Object> overrides) {
    return new TestPlatform(true, newHome(), overrides);
  }

  /**
   * A platform of its own, with or without workers, with further settings; the caller closes it.
   */
  static TestPlatform dedicated(boolean workers, Map<String, Object> overrides) {
    return new TestPlatform(workers, newHome(), overrides);
  }

  /** A platform on an existing Atomic home, e.g. to restart one. */
  static TestPlatform dedicated(boolean workers, Path home) {
    return new TestPlatform(workers, home);
  }

  static Path newHome() {
    try {
      return Files.createTempDirectory("atomic-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://localhost:" + apiPort;
  }

  String temporal() {
    return "127.0.0.1:" + platform.temporalPort();
  }

  MissionStore store() {
    return platform.context().getBean(MissionStore.class);
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build());
  }

  Response get(int port, String path) {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
  }

  Response postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A POST with no body and no Content-Type, as the runbook's curl sends it. */
  Response postEmpty(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(url() + path))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A git origin holding {@code examples/billing-repo} on {@code main}, under the platform's
   * allowed root.
   */
  Path billingOrigin(String name) throws Exception {
    Path repo = home.resolve("origins").resolve(name + "-" + System.nanoTime());
    Files.createDirectories(repo);
    dev.atomic.dte.DemoRepo.copy("billing-repo", repo);
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.init()
            .setDirectory(repo.toFile())
            .setInitialBranch("main")
            .call()) {
      org.eclipse.jgit.lib.PersonIdent me =
          new org.eclipse.jgit.lib.PersonIdent("Dev", "dev@example.com");
      git.add().addFilepattern(".").call();
      git.commit().setAuthor(me).setCommitter(me).setSign(false).setMessage("billing").call();
    }
    return repo;
  }

  /** The id of a governed mission of CS-003 on {@code origin}, requested by alice. */
  String createGovernedMission(Path origin, String title, String risk) throws IOException {
    Response created =
        postJson(
            "/missions",
            """
            {"title": "%s", "risk": "%s", "requestedBy": "alice",
             "repository": {"url": "%s", "ref": "main"}, "batchSize": 1, "changeSpec": %s}
            """
                .formatted(
                    title,
                    risk,
                    origin.toUri(),
                    Files.readString(
                        dev.atomic.dte.DemoRepo.EXAMPLES.resolve("specs/CS-003.json"))));
    if (created.status() != 201 && created.status() != 202) {
      throw new IllegalStateException("governed mission not created: " + created);
    }
    return created.json().get("missionId").asText();
  }

  /** The id of a freshly created mission. */
  String createMission(String title, String risk) {
    Response created =
        postJson("/missions", "{\"title\":\"" + title + "\",\"risk\":\"" + risk + "\"}");
    if (created.status() != 201) {
      throw new IllegalStateException("mission not created: " + created);
    }
    return created.json().get("missionId").asText();
  }

  /**
   * A free port below Linux's ephemeral range (32768+), so no outgoing connection can take it
   * between this check and the server's bind.
   */
  static synchronized int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = 20_000 + RANDOM.nextInt(12_000);
      if (USED.add(port)) {
        try (ServerSocket socket = new ServerSocket(port)) {
          return socket.getLocalPort();
        } catch (IOException busy) {
          // taken by something else; try another
        }
      }
    }
    throw new IllegalStateException("no free port found in 20000-31999");
  }

  record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    JsonNode json() {
      try {
        return Json.mapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
