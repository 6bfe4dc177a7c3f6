package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.mission.CheckpointName;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talks to the REST facade; HTTP errors become {@link CliException}s with the API's message.
 *
 * <p>Requests go through {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: a new
 * {@code HttpClient} sets up the default TLS context (the JDK's trust store, a few hundred classes)
 * even for an {@code http://} URL, which cost about 0.25 s of each one-shot command's start here;
 * {@code HttpURLConnection} loads TLS only for {@code https://}.
 */
public final class AtomicClient {

  private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final int JSON_TIMEOUT_MILLIS = 60_000;
  private static final int DOWNLOAD_TIMEOUT_MILLIS = 600_000;

  private final URI base;
  private final String apiKey;

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
    return send("GET", path, null);
  }

  public JsonNode post(String path, Object body) {
    return send("POST", path, Json.write(body));
  }

  public JsonNode put(String path, Object body) {
    return send("PUT", path, Json.write(body));
  }

  public JsonNode delete(String path) {
    return send("DELETE", path, null);
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
  public record Download(byte[] body, HttpHeaders headers) {}

  /** GETs a binary or text answer (an audit pack, a PEM key); an error answer is JSON as usual. */
  public Download getBytes(String path) {
    return download(exchange("GET", path, null, "*/*", DOWNLOAD_TIMEOUT_MILLIS));
  }

  /**
   * POSTs JSON and takes a binary answer of {@code accept}; an error answer is JSON as usual and
   * becomes a {@link CliException}.
   */
  public Download postForBytes(String path, Object body, String accept) {
    return download(
        exchange(
            "POST",
            path,
            Json.write(body),
            accept + ", application/json",
            DOWNLOAD_TIMEOUT_MILLIS));
  }

  private static Download download(Answer answer) {
    if (answer.status() >= 200 && answer.status() < 300) {
      return new Download(answer.body(), answer.headers());
    }
    throw failure(answer.status(), parse(answer.text()));
  }

  private JsonNode send(String method, String path, String json) {
    Answer answer = exchange(method, path, json, "application/json", JSON_TIMEOUT_MILLIS);
    JsonNode body = parse(answer.text());
    if (answer.status() >= 200 && answer.status() < 300) {
      return body;
    }
    throw failure(answer.status(), body);
  }

  /** Status, headers and body of one answer, whatever its status. */
  private record Answer(int status, HttpHeaders headers, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private Answer exchange(String method, String path, String json, String accept, int timeout) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(base + path).toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setInstanceFollowRedirects(false);
      connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
      connection.setReadTimeout(timeout);
      connection.setRequestProperty("Accept", accept);
      if (apiKey != null) {
        connection.setRequestProperty("Authorization", "Bearer " + apiKey);
      }
      if (json != null) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = connection.getOutputStream()) {
          out.write(bytes);
        }
      }
      int status = connection.getResponseCode();
      InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
      byte[] body;
      if (in == null) {
        body = new byte[0];
      } else {
        try (in) {
          body = in.readAllBytes();
        }
      }
      return new Answer(status, headers(connection), body);
    } catch (ConnectException e) {
      throw new CliException(
          ExitCodes.FAILED,
          "cannot reach Atomic at " + base + " (is `atomic dev` running? set --url or ATOMIC_URL)");
    } catch (IOException e) {
      throw new CliException(ExitCodes.FAILED, "request to " + base + " failed: " + e.getMessage());
    }
  }

  private static HttpHeaders headers(HttpURLConnection connection) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    connection
        .getHeaderFields()
        .forEach(
            (name, values) -> {
              if (name != null) { // the status line
                fields.put(name, values);
              }
            });
    return HttpHeaders.of(fields, (name, value) -> true);
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
