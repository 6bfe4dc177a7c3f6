package dev.atomic.cli.finops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = "Tokens, cost and p95 latency of a ChangeSpec, before anything is spent.")
class ForecastCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Option(names = "--spec", required = true, description = "The ChangeSpec (JSON).")
  Path specFile;

  @Option(
      names = "--working-dir",
      description =
          "Read the files the scope selects from this tree (it must lie under the server's allowed roots);"
              + " without it the scope is estimated.")
  Path workingDir;

  @Option(
      names = "--repository",
      description = "Read the files from a clone of this file:// or https:// URL instead.")
  String repository;

  @Option(
      names = "--provider",
      description = "copilot, cursor, windsurf, openai or anthropic (default: the server's).")
  String provider;

  @Option(
      names = "--model",
      description = "Model to price (default: the provider's default model).")
  String model;

  @Option(names = "--task", description = "Pick the model by the policy of this task.")
  String task;

  @Override
  public Integer call() throws IOException {
    JsonNode changeSpec;
    try {
      changeSpec = Json.mapper().readTree(Files.readString(specFile));
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no such ChangeSpec file: " + specFile);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CliException(ExitCodes.USAGE, specFile + " is not JSON: " + e.getOriginalMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changeSpec", changeSpec);
    put(body, "provider", provider);
    put(body, "model", model);
    put(body, "task", task);
    put(body, "repository", repository);
    if (workingDir != null) {
      body.put("workingDir", workingDir.toAbsolutePath().normalize().toString());
    }
    JsonNode forecast = rest.client().post("/finops/forecast", body);
    PrintWriter out = spec.commandLine().getOut();
    if (rest.json()) {
      RestOptions.printJson(out, forecast);
    } else {
      print(out, changeSpec.path("id").asText(), forecast);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void print(PrintWriter out, String specId, JsonNode f) {
    boolean tree = "tree".equals(f.path("basis").asText());
    out.printf(
        "%s on %s/%s: %s USD%n",
        specId,
        f.path("provider").asText(),
        f.path("model").asText(),
        f.path("usdEstimate").asText());
    out.printf(
        "  input   %,d tokens (%s, %s; %d file(s) %s)%n",
        f.path("tokens").asLong(),
        f.path("tokenizer").asText(),
        f.path("tokenCount").asText(),
        f.path("files").asInt(),
        tree ? "read from the tree" : "estimated from the scope");
    out.printf("  output  %,d tokens (expected)%n", f.path("outputTokens").asLong());
    out.printf(
        "  p95 latency %.1f s (%d request(s))%n",
        f.path("p95Latency").asLong() / 1000.0, f.path("requests").asInt());
    JsonNode prices = f.path("prices");
    out.printf(
        "  prices as of %s: %s in / %s out USD per million tokens%s%n",
        prices.path("asOf").asText(),
        prices.path("inputUsdPerMillion").asText(),
        prices.path("outputUsdPerMillion").asText(),
        prices.path("pessimistic").asBoolean() ? " (pessimistic: model not in the table)" : "");
    f.path("notes").forEach(n -> out.println("  note: " + n.asText()));
  }

  private static void put(Map<String, Object> body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.put(field, value);
    }
  }
}
