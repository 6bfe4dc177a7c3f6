package dev.atomic.api.finops;

import dev.atomic.api.web.ApiException;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DteException;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.Forecast;
import dev.atomic.finops.ForecastRequest;
import dev.atomic.finops.ModelPrice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Forecasts and the price table; both answer from the engines, with no workflow round-trip. */
@RestController
class ForecastController {

  private static final Set<String> FIELDS =
      Set.of("changeSpec", "provider", "model", "task", "workingDir", "repository", "ref");

  private final FinOps finOps;
  private final ForecastTrees trees;

  ForecastController(FinOps finOps, ForecastTrees trees) {
    this.finOps = finOps;
    this.trees = trees;
  }

  /**
   * {@code {changeSpec, provider?, model?, task?, workingDir? | repository?, ref?}}, or a bare
   * ChangeSpec as some clients of the original sent.
   */
  @PostMapping("/finops/forecast")
  Forecast forecast(@RequestBody(required = false) JsonNode body) {
    if (body != null && body.isObject() && !body.has("changeSpec") && body.has("intent")) {
      return forecast(spec(body), new ForecastRequest(null, null, null, null, null, null, null));
    }
    JsonNode fields =
        Bodies.object(
            body,
            "{\"changeSpec\": {…}, \"provider\"?: \"openai\", \"model\"?: \"gpt-4.1\", \"workingDir\"?: \"…\" | \"repository\"?: \"…\"}",
            FIELDS);
    if (!fields.has("changeSpec")) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'changeSpec' is required");
    }
    ForecastRequest request =
        new ForecastRequest(
            null,
            Bodies.text(fields, "provider"),
            Bodies.text(fields, "model"),
            Bodies.text(fields, "task"),
            Bodies.text(fields, "workingDir"),
            Bodies.text(fields, "repository"),
            Bodies.text(fields, "ref"));
    return forecast(spec(fields.get("changeSpec")), request);
  }

  /** The price table: date, providers with their default model, and every model's price. */
  @GetMapping("/finops/models")
  Map<String, Object> models() {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("asOf", finOps.prices().asOf());
    table.put("defaultProvider", finOps.settings().defaultProvider());
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String provider : finOps.prices().providers()) {
      defaults.put(provider, finOps.prices().defaultModel(provider));
    }
    table.put("defaultModels", defaults);
    List<ModelPrice> models = finOps.prices().models();
    table.put("models", models);
    return table;
  }

  private Forecast forecast(ChangeSpec spec, ForecastRequest request) {
    ForecastRequest withSpec =
        new ForecastRequest(
            spec,
            request.provider(),
            request.model(),
            request.task(),
            request.workingDir(),
            request.repository(),
            request.ref());
    try {
      return finOps.forecaster().forecast(withSpec, trees.roots(), trees.repositories());
    } catch (DteException e) {
      // Only the tree can fail this way: a directory outside the roots, a bad URL, a failed clone.
      HttpStatus status =
          e.kind() == DteException.Kind.REFUSED
              ? HttpStatus.UNPROCESSABLE_CONTENT
              : HttpStatus.BAD_REQUEST;
      throw new ApiException(status, "Cannot read the tree", String.join("; ", e.reasons()));
    }
  }

  private static ChangeSpec spec(JsonNode node) {
    try {
      return ChangeSpecValidator.parse(node);
    } catch (DteException e) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT, "Invalid ChangeSpec", String.join("; ", e.reasons()));
    }
  }
}
