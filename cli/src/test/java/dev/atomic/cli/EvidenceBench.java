package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.atomic.cli.dev.EmbeddedPlatform;
import dev.atomic.evidence.ChainVerifier;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.evidence.pack.AuditPackVerifier;
import dev.atomic.evidence.pack.VerificationReport;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Database;
import dev.atomic.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Evidence benchmarks, outside {@code ./mvnw verify} (the name matches neither Surefire's nor
 * Failsafe's patterns); {@code bench/evidence.sh} runs them and prints the figures, which it also
 * writes to {@code cli/target/evidence-bench.txt}.
 *
 * <ol>
 *   <li>Sustained append rate with chaining on PostgreSQL: 8 writers, one mission each, through
 *       {@link EvidenceStore#record} (what {@code POST /evidence/events} and exports use).
 *   <li>A mission of 10,000 events on the platform backed by PostgreSQL: the events are posted
 *       through {@code POST /evidence/events} (latency per event), then the audit pack is exported
 *       through {@code POST /evidence/export} and verified offline.
 * </ol>
 */
class EvidenceBench {

  private static final int WRITERS = 8;
  private static final int SECONDS = envInt("BENCH_SECONDS", 20);
  private static final int WARMUP_SECONDS = 3;
  private static final int MISSION_EVENTS = envInt("BENCH_MISSION_EVENTS", 10_000);
  private static final int EXPORTS = 3;

  private final StringBuilder report = new StringBuilder();

  @Test
  void appendRateAndExportTime() throws Exception {
    line(
        "Evidence benchmark, %s, %d cores, Java %s, PostgreSQL at %s",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        TestDatabase.POSTGRES_URL);
    try (TestDatabase schema = TestDatabase.postgres()) {
      appendRate(schema);
    }
    try (TestDatabase schema = TestDatabase.postgres()) {
      exportTime(schema);
    }
    Path out = Path.of("target", "evidence-bench.txt");
    Files.writeString(out, report);
    System.out.println(report);
  }

  private void appendRate(TestDatabase schema) throws Exception {
    try (HikariDataSource pool = pool(schema, WRITERS)) {
      EvidenceStore store = new EvidenceStore(new Database(pool), SecretRedactor.builtIn());
      AtomicBoolean measuring = new AtomicBoolean(false);
      AtomicBoolean stop = new AtomicBoolean(false);
      long[][] latencies = new long[WRITERS][];
      int[] counts = new int[WRITERS];
      CountDownLatch done = new CountDownLatch(WRITERS);
      List<Thread> threads = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        Thread thread =
            new Thread(
                () -> {
                  long[] mine = new long[1 << 20];
                  int n = 0;
                  String mission = "M-BENCH" + writer;
                  try {
                    while (!stop.get()) {
                      long start = System.nanoTime();
                      store.record(
                          mission,
                          mission,
                          "CiPipelinePassed",
                          "ci-" + writer,
                          Instant.now(),
                          Map.of(
                              "pipeline",
                              n,
                              "stage",
                              "test",
                              "commit",
                              "3f2a9c1d7e",
                              "tests",
                              Map.of("run", 412, "failed", 0)));
                      long took = System.nanoTime() - start;
                      if (measuring.get() && n < mine.length) {
                        mine[n++] = took;
                      }
                    }
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  } finally {
                    latencies[writer] = Arrays.copyOf(mine, n);
                    counts[writer] = n;
                    done.countDown();
                  }
                },
                "bench-writer-" + w);
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(WARMUP_SECONDS * 1000L);
      measuring.set(true);
      long start = System.nanoTime();
      Thread.sleep(SECONDS * 1000L);
      measuring.set(false);
      double elapsed = (System.nanoTime() - start) / 1e9;
      stop.set(true);
      done.await();
      long total = Arrays.stream(counts).sum();
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
      line("");
      line(
          "1. Append with chaining, PostgreSQL, %d writers on distinct missions, %d s after %d s warm-up",
          WRITERS, SECONDS, WARMUP_SECONDS);
      line(
          "   %,d events in %.1f s = %,.0f events/s (per writer %s)",
          total, elapsed, total / elapsed, Arrays.toString(counts));
      line(
          "   latency per append: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
          ms(all, 0.50), ms(all, 0.95), ms(all, 0.99), all[all.length - 1] / 1e6);
      long verifyStart = System.nanoTime();
      long chained = 0;
      for (int w = 0; w < WRITERS; w++) {
        ChainVerifier.Result result = store.verify("M-BENCH" + w);
        assertThat(result.ok()).as(result.failure()).isTrue();
        chained += result.checked();
      }
      line(
          "   all %d chains intact: %,d events re-hashed in %.2f s",
          WRITERS, chained, (System.nanoTime() - verifyStart) / 1e9);
    }
  }

  private void exportTime(TestDatabase schema) throws Exception {
    Path home = TestPlatform.newHome();
    int apiPort = TestPlatform.freePort();
    int[] servicePorts = {
      TestPlatform.freePort(),
      TestPlatform.freePort(),
      TestPlatform.freePort(),
      TestPlatform.freePort(),
      TestPlatform.freePort()
    };
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", jdbcUrl(schema));
    properties.put("spring.datasource.username", TestDatabase.POSTGRES_USER);
    properties.put("spring.main.banner-mode", "off");
    properties.put("logging.level.root", "WARN");
    try (EmbeddedPlatform platform =
        EmbeddedPlatform.start(
            new EmbeddedPlatform.Settings(
                home, "127.0.0.1", 0, apiPort, servicePorts, true, properties))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://localhost:" + apiPort;
      String created =
          post(http, base + "/missions", "{\"title\":\"Bench\",\"risk\":\"medium\"}").body();
      String id = dev.atomic.platform.Json.mapper().readTree(created).get("missionId").asText();
      post(http, base + "/missions/" + id + "/checkpoints/plan/approve", "{\"actor\":\"bob\"}");

      long[] latencies = new long[MISSION_EVENTS];
      long start = System.nanoTime();
      for (int i = 0; i < MISSION_EVENTS; i++) {
        long t = System.nanoTime();
        HttpResponse<String> response =
            post(
                http,
                base + "/evidence/events",
                "{\"type\":\"CiPipelinePassed\",\"missionId\":\""
                    + id
                    + "\",\"actor\":\"ci\",\"data\":"
                    + "{\"pipeline\":"
                    + i
                    + ",\"stage\":\"test\",\"tests\":{\"run\":412,\"failed\":0}}}");
        latencies[i] = System.nanoTime() - t;
        if (response.statusCode() != 201) {
          throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
      }
      double populate = (System.nanoTime() - start) / 1e9;
      Arrays.sort(latencies);
      line("");
      line(
          "2. A mission of %,d external events on the platform (PostgreSQL; Temporal on :%d), one client",
          MISSION_EVENTS, platform.temporalPort());
      line(
          "   POST /evidence/events: %,d in %.1f s; latency p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
          MISSION_EVENTS, populate, ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99));

      for (int run = 1; run <= EXPORTS; run++) {
        long t = System.nanoTime();
        HttpResponse<byte[]> pack =
            http.send(
                HttpRequest.newBuilder(
                        URI.create("http://localhost:" + servicePorts[4] + "/evidence/export"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"missionId\":\"" + id + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        double took = (System.nanoTime() - t) / 1e9;
        assertThat(pack.statusCode()).isEqualTo(200);
        long v = System.nanoTime();
        VerificationReport verified = new AuditPackVerifier().verify(pack.body());
        double verifyTook = (System.nanoTime() - v) / 1e9;
        assertThat(verified.ok()).as(verified.toText()).isTrue();
        line(
            "   export %d: %.2f s for %,d bytes (%s); offline verification %.2f s",
            run,
            took,
            pack.body().length,
            verified.checks().get(7).message().replaceAll(", hash chain.*", ""),
            verifyTook);
      }
      long g = System.nanoTime();
      get(http, base + "/evidence/mission/" + id);
      double graph = (System.nanoTime() - g) / 1e9;
      long c = System.nanoTime();
      String check = get(http, base + "/evidence/mission/" + id + "/verify");
      double chain = (System.nanoTime() - c) / 1e9;
      assertThat(check).contains("\"ok\":true");
      line(
          "   GET /evidence/mission/{id} (graph) %.2f s; GET …/verify (chain re-hashed) %.2f s",
          graph, chain);
    }
  }

  private static HttpResponse<String> post(HttpClient http, String url, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static HikariDataSource pool(TestDatabase schema, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl(schema));
    config.setUsername(TestDatabase.POSTGRES_USER);
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  private static String jdbcUrl(TestDatabase schema) {
    return TestDatabase.POSTGRES_URL + "?currentSchema=" + schema.schema();
  }

  private static double ms(long[] sorted, double quantile) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }

  private static int envInt(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private void line(String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
