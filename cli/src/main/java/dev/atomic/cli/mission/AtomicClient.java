package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to the REST facade; HTTP errors become {@link CliException}s with the API's message. */
public final class AtomicClient {

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public AtomicClient(String url) {
    URI parsed;
    try {
      parsed = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, "--url is not a valid URL: " + url);
    }
    if (parsed.getScheme() == null
        || !(parsed.getScheme().equals("http") || parsed.getScheme().equals("https"))
        || parsed.getHost() == null) {
      throw new CliException(ExitCodes.USAGE, "--url must be an http:// or https:// URL: " + url);
    }
    this.base = parsed;
  }

  public JsonNode get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  public JsonNode post(String path, Object body) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
  }

  public JsonNode put(String path, Object body) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
  }

  public JsonNode delete(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).DELETE());
  }

  /** A path segment, percent-encoded. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A binary answer (e.g. an audit pack) and its headers. */
  public record Download(byte[] body, java.net.http.HttpHeaders headers) {}

  /** GETs a binary or text answer (an audit pack, a PEM key); an error answer is JSON as usual. */
  public Download getBytes(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofMinutes(10)).GET().build();
    HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Download(response.body(), response.headers());
    }
    throw failure(status, parse(new String(response.body(), StandardCharsets.UTF_8)));
  }

  /**
   * POSTs JSON and takes a binary answer of {@code accept}; an error answer is JSON as usual and
   * becomes a {@link CliException}.
   */
  public Download postForBytes(String path, Object body, String accept) {
    HttpRequest request =
        HttpRequest.newBuilder(resolve(path))
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "application/json")
            .header("Accept", accept + ", application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
            .build();
    HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Download(response.body(), response.headers());
    }
    throw failure(status, parse(new String(response.body(), StandardCharsets.UTF_8)));
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request, handler);
    } catch (ConnectException e) {
      throw new CliException(
          ExitCodes.FAILED,
          "cannot reach Atomic at " + base + " (is `atomic dev` running? set --url or ATOMIC_URL)");
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "request to " + base + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted");
    }
  }

  private URI resolve(String path) {
    return URI.create(base + path);
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response =
        exchange(
            request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return body;
    }
    throw failure(status, body);
  }

  private static CliException failure(int status, JsonNode body) {
    String message =
        body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + status;
    if (body != null && body.hasNonNull("details")) {
      message += " (" + body.get("details").asText() + ")";
    }
    return new CliException(exitCodeFor(status), message);
  }

  private static int exitCodeFor(int status) {
    return switch (status) {
      case 400, 413, 415, 422 -> ExitCodes.USAGE;
      case 404 -> ExitCodes.NOT_FOUND;
      case 409 -> ExitCodes.CONFLICT;
      default -> ExitCodes.FAILED;
    };
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      return null;
    }
  }
}
