package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.mission.CheckpointName;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** Talks to the REST facade; HTTP errors become {@link CliException}s with the API's message. */
public final class AtomicClient {

  private final URI base;
  private final String apiKey;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A client with the caller's API key ({@link Credentials#apiKey()}), when there is one. */
  public AtomicClient(String url) {
    this(url, Credentials.apiKey());
  }

  /**
   * @param apiKey sent as {@code Authorization: Bearer}; null sends no credential
   */
  public AtomicClient(String url, String apiKey) {
    this.apiKey = apiKey;
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

  /**
   * A decision token for an approval or rejection by Temporal signal, issued to this client's
   * caller (the loopback user may name {@code actor}).
   */
  public String decisionToken(
      String missionId, CheckpointName checkpoint, boolean approve, String actor) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("verdict", approve ? "approved" : "rejected");
    if (actor != null) {
      body.put("actor", actor);
    }
    return post(
            "/missions/"
                + segment(missionId)
                + "/checkpoints/"
                + checkpoint.wire()
                + "/decision-token",
            body)
        .get("token")
        .asText();
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
        authorized(HttpRequest.newBuilder(resolve(path)).timeout(Duration.ofMinutes(10)).GET());
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
        authorized(
            HttpRequest.newBuilder(resolve(path))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .header("Accept", accept + ", application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
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

  private HttpRequest authorized(HttpRequest.Builder request) {
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return request.build();
  }

  private JsonNode send(HttpRequest.Builder request) {
    HttpResponse<String> response =
        exchange(
            authorized(
                request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json")),
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
    if (status == 401) {
      message +=
          "; set ATOMIC_API_KEY to an API key (`atomic dev --auth` writes one to"
              + " .atomic/api-key, which the CLI reads)";
    }
    return new CliException(exitCodeFor(status), message);
  }

  private static int exitCodeFor(int status) {
    return switch (status) {
      case 400, 413, 415, 422 -> ExitCodes.USAGE;
      case 404 -> ExitCodes.NOT_FOUND;
      case 409 -> ExitCodes.CONFLICT;
      case 401, 403 -> ExitCodes.DENIED;
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
