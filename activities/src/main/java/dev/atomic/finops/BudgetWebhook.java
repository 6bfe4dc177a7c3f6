package dev.atomic.finops;

import dev.atomic.platform.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Posts alerts to {@code BUDGET_BREACH_WEBHOOK_URL}. Anything but a 2xx answer is a failure the
 * alert workflow retries with backoff; the body is documented in docs/finops.md. Delivery is at
 * least once: receivers deduplicate on {@code alertId} (also sent as {@link #ALERT_ID_HEADER}).
 */
public final class BudgetWebhook {

  public static final String ALERT_ID_HEADER = "X-Atomic-Alert-Id";

  /** The webhook did not take the alert; worth trying again. */
  public static final class DeliveryFailed extends Exception {
    private static final long serialVersionUID = 1L;

    DeliveryFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final URI url;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param url null or blank: alerts are recorded as evidence only
   * @throws IllegalArgumentException for a URL that is not http(s)
   */
  public BudgetWebhook(String url, Duration timeout) {
    this.url = url == null || url.isBlank() ? null : validate(url.strip());
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public boolean configured() {
    return url != null;
  }

  /**
   * Posts the alert.
   *
   * @return what happened, e.g. {@code HTTP 200 from https://…}
   * @throws DeliveryFailed on a non-2xx answer, a timeout or a connection failure
   */
  public String deliver(BudgetAlert alert, AlertRecord record) throws DeliveryFailed {
    if (url == null) {
      return "no webhook configured (BUDGET_BREACH_WEBHOOK_URL)";
    }
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header(ALERT_ID_HEADER, alert.alertId())
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body(alert, record))))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryFailed("webhook " + url + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("interrupted while posting to " + url, e);
    }
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      throw new DeliveryFailed("webhook " + url + " answered HTTP " + status, null);
    }
    return "HTTP " + status + " from " + url;
  }

  /** The JSON body of an alert. */
  public static Map<String, Object> body(BudgetAlert alert, AlertRecord record) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("alertId", alert.alertId());
    body.put("type", alert.eventType());
    body.put("scope", alert.scope());
    body.put("period", alert.period());
    body.put("threshold", alert.threshold());
    body.put("total", alert.total());
    body.put("consumed", alert.consumed());
    body.put("reserved", alert.reserved());
    body.put("breached", alert.breached());
    body.put("occurredAt", alert.occurredAt());
    body.put("eventId", record == null ? null : record.eventId());
    return body;
  }

  private static URI validate(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("BUDGET_BREACH_WEBHOOK_URL is not a URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "BUDGET_BREACH_WEBHOOK_URL must be an http:// or https:// URL, got " + url);
    }
    return uri;
  }
}
