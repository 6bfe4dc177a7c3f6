import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Preflight latency over HTTP: CLIENTS concurrent clients each send REQUESTS preflights of a
 * payload of SIZE bytes (developer text with a few secrets and personal data in it) and the
 * client-side round-trip times are reported as p50/p95/p99, with the server's own
 * X-Preflight-Latency-Ms beside them. Run with the JDK alone:
 *
 *   java bench/PreflightLatency.java http://localhost:3001 10240 16 200
 */
public class PreflightLatency {

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:3001";
    int size = args.length > 1 ? Integer.parseInt(args[1]) : 10 * 1024;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    String body = "{\"content\": " + quote(payload(size)) + ", \"provider\": \"copilot\"}";
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/gateway/preflight"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    for (int i = 0; i < Math.max(50, requests / 4); i++) {
      send(http, request);
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<double[]>>> futures = new ArrayList<>();
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        List<double[]> times = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
          times.add(send(http, request));
        }
        return times;
      }));
    }
    List<Double> client = new ArrayList<>();
    List<Double> server = new ArrayList<>();
    for (Future<List<double[]>> future : futures) {
      for (double[] t : future.get()) {
        client.add(t[0]);
        server.add(t[1]);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    Collections.sort(client);
    Collections.sort(server);
    System.out.printf("payload %d bytes, %d clients x %d requests, %.0f requests/s%n", size, clients, requests,
        client.size() / seconds);
    System.out.printf("round trip ms: p50 %.2f  p95 %.2f  p99 %.2f%n", pct(client, 50), pct(client, 95), pct(client, 99));
    System.out.printf("server   ms:   p50 %.2f  p95 %.2f  p99 %.2f  (X-Preflight-Latency-Ms)%n",
        pct(server, 50), pct(server, 95), pct(server, 99));
  }

  private static double[] send(HttpClient http, HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    double millis = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() != 200 || !response.body().contains("REDACTED")) {
      throw new IllegalStateException("unexpected answer " + response.statusCode() + ": "
          + response.body().substring(0, Math.min(200, response.body().length())));
    }
    return new double[] {millis, Double.parseDouble(response.headers().firstValue("X-Preflight-Latency-Ms").orElse("0"))};
  }

  private static double pct(List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** Source, config and log lines with an occasional credential or address, to SIZE bytes. */
  private static String payload(int size) {
    String[] lines = {
      "public final class OrderService {\n",
      "  private static final Logger log = LoggerFactory.getLogger(OrderService.class);\n",
      "  Order place(Cart cart) { return repository.save(new Order(cart.items(), clock.instant())); }\n",
      "spring.datasource.url=jdbc:postgresql://db.internal:5432/orders\n",
      "2026-11-28T10:15:02Z INFO request id=7f3c2a served in 12 ms\n",
      "AWS_ACCESS_KEY_ID=AKIA" + "Z7QH3KXN2PLM4RTW\n",
      "contact: ada.lovelace@acme-corp.io\n",
      "  for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }\n",
    };
    StringBuilder text = new StringBuilder(size + 128);
    for (int i = 0; text.length() < size; i++) {
      text.append(lines[i % lines.length]);
    }
    text.setLength(size);
    return text.toString();
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
