package dev.atomic.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.platform.Json;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** Where a command finds the platform's REST facade, and how it prints. */
public class RestOptions {

  /** Output formats. */
  public enum Output {
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

  /** The REST endpoint ({@code --url}). */
  public String url() {
    return url;
  }

  public AtomicClient client() {
    return new AtomicClient(url);
  }

  public boolean json() {
    return output == Output.json;
  }

  /** Prints {@code value} as indented JSON. */
  public static void printJson(PrintWriter out, JsonNode value) {
    out.println(Json.pretty(value));
  }
}
