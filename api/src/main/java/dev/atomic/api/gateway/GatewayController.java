package dev.atomic.api.gateway;

import dev.atomic.api.web.ApiException;
import dev.atomic.finops.FinOpsException;
import dev.atomic.finops.ModelCatalog;
import dev.atomic.gateway.Preflight;
import dev.atomic.gateway.PreflightResult;
import dev.atomic.gateway.Router;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The gateway endpoints, served in-process: a preflight is a scan of the content, with no workflow
 * round-trip on the request path.
 */
@RestController
class GatewayController {

  static final String LATENCY_HEADER = "X-Preflight-Latency-Ms";

  private static final Pattern TASK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final Preflight preflight;
  private final Router router;

  GatewayController(Preflight preflight, ModelCatalog catalog) {
    this.preflight = preflight;
    this.router = new Router(catalog, preflight.policy());
  }

  /** {@code {content, provider?, metadata?}}; header {@code X-Preflight-Latency-Ms}. */
  @PostMapping(value = "/gateway/preflight", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PreflightResult> preflight(@RequestBody(required = false) JsonNode body) {
    long started = System.nanoTime();
    if (body == null || !body.isObject()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Request body must be {content, provider?, metadata?}");
    }
    JsonNode content = body.get("content");
    if (content == null || content.isNull()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "content is required");
    }
    if (!content.isString()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "content must be a string");
    }
    JsonNode provider = body.get("provider");
    if (provider != null && !provider.isNull() && !provider.isString()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "provider must be a string");
    }
    JsonNode metadata = body.get("metadata");
    if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "metadata must be an object");
    }
    PreflightResult result;
    try {
      result =
          preflight.check(
              content.asString(),
              provider == null || provider.isNull() ? null : provider.asString(),
              "api");
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid provider", e.getMessage());
    }
    double millis = (System.nanoTime() - started) / 1_000_000.0;
    return ResponseEntity.ok()
        .header(LATENCY_HEADER, String.format(java.util.Locale.ROOT, "%.3f", millis))
        .body(result);
  }

  /**
   * {@code {task, budget?, preferredProvider?, inputTokens?, outputTokens?}} → the provider and
   * model from the model policies and prices (FinOps), within the budget.
   */
  @PostMapping(value = "/gateway/route", produces = MediaType.APPLICATION_JSON_VALUE)
  Router.Route route(@RequestBody(required = false) JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Request body must be {task, budget?, preferredProvider?}");
    }
    JsonNode task = body.get("task");
    if (task == null || !task.isString() || task.asString().isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "task is required");
    }
    if (!TASK.matcher(task.asString()).matches()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Invalid task",
          "a task is 1-64 lower-case letters, digits, '.', '_' or '-', e.g. refactor");
    }
    Router.RouteRequest request =
        new Router.RouteRequest(
            task.asString(),
            budget(body.get("budget")),
            text(body.get("preferredProvider"), "preferredProvider"),
            count(body.get("inputTokens"), "inputTokens"),
            count(body.get("outputTokens"), "outputTokens"));
    try {
      return router.route(request);
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Invalid route request", e.getMessage());
    } catch (FinOpsException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Invalid route request", String.join("; ", e.reasons()));
    } catch (Router.NoRouteException e) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          e.getMessage(),
          e.skipped().stream()
              .map(s -> s.provider() + "/" + s.model() + ": " + s.reason())
              .collect(Collectors.joining("; ")));
    }
  }

  private static BigDecimal budget(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "budget must be a number (USD)");
    }
    return node.decimalValue();
  }

  private static String text(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be a string");
    }
    return node.asString();
  }

  private static Long count(JsonNode node, String name) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, name + " must be a whole number");
    }
    return node.longValue();
  }
}
