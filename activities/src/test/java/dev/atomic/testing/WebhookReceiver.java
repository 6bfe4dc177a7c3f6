package dev.atomic.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on the loopback interface that takes webhook posts: it answers 503 to the
 * first {@code failures} requests, then 200, and keeps every request it saw.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as received. */
  public record Received(String alertId, String contentType, String body, int answered) {}

  private final HttpServer server;
  private final AtomicInteger failuresLeft;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  private WebhookReceiver(int failures) {
    this.failuresLeft = new AtomicInteger(failures);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/alerts",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("X-Atomic-Alert-Id"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body,
                  status));
          byte[] answer =
              (status == 200 ? "{\"ok\":true}" : "{\"error\":\"unavailable\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  /** A receiver that fails the first {@code failures} requests. */
  public static WebhookReceiver failingFirst(int failures) {
    return new WebhookReceiver(failures);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Requests that were answered 200, for one alert id. */
  public List<Received> delivered(String alertId) {
    return received().stream()
        .filter(r -> r.answered() == 200 && alertId.equals(r.alertId()))
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
