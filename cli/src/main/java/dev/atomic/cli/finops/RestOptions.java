package dev.atomic.cli.finops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.platform.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Option;

/** Where the FinOps commands find the platform, and how they print. */
class RestOptions {

  /** Output formats. */
  enum Output {
    text,
    json
  }

  @Option(
      names = "--url",
      defaultValue = "${env:ATOMIC_URL:-http://localhost:8080}",
      description = "REST endpoint of Atomic (env ATOMIC_URL, default ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--output",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Output output;

  AtomicClient client() {
    return new AtomicClient(url);
  }

  boolean json() {
    return output == Output.json;
  }

  /** Prints {@code value} as indented JSON. */
  static void printJson(PrintWriter out, JsonNode value) {
    try {
      out.println(Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
