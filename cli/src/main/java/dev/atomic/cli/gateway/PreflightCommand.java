package dev.atomic.cli.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = {
      "Send content to POST /gateway/preflight and print what would be redacted or refused.",
      "Reads --file, or standard input. Exit 1 when the content may not be sent (ok: false)."
    })
class PreflightCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions client;

  @Option(names = "--file", description = "The content to check (default: standard input).")
  Path file;

  @Option(
      names = "--provider",
      description = "Destination: copilot, cursor, windsurf, openai or anthropic.")
  String provider;

  @Option(names = "--sanitized", description = "Print the sanitized content after the report.")
  boolean sanitized;

  @Override
  public Integer call() throws IOException {
    String content = read();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", content);
    if (provider != null) {
      body.put("provider", provider);
    }
    JsonNode result = new AtomicClient(client.url()).post("/gateway/preflight", body);
    PrintWriter out = spec.commandLine().getOut();
    if (client.json()) {
      out.println(result.toPrettyString());
    } else {
      print(out, result);
    }
    out.flush();
    return result.path("ok").asBoolean() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private String read() throws IOException {
    try {
      return file == null
          ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitCodes.USAGE, "no such file: " + file);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new CliException(ExitCodes.USAGE, file + " is not UTF-8 text");
    }
  }

  private void print(PrintWriter out, JsonNode result) {
    out.println(
        result.path("ok").asBoolean()
            ? "ok: the content may be sent"
            : "REFUSED: the content may not be sent");
    for (JsonNode violation : result.path("violations")) {
      out.printf(
          "  %-7s %-24s %s%n",
          violation.path("severity").asText(),
          violation.path("rule").asText(),
          violation.path("message").asText());
    }
    JsonNode redactions = result.path("redactions");
    if (redactions.size() > 0) {
      out.printf("%-12s %-24s %9s %7s%n", "TYPE", "RULE", "POSITION", "LENGTH");
      for (JsonNode redaction : redactions) {
        out.printf(
            "%-12s %-24s %9d %7d%n",
            redaction.path("type").asText(),
            redaction.path("rule").asText(),
            redaction.path("position").asInt(),
            redaction.path("length").asInt());
      }
    } else {
      out.println("nothing to redact");
    }
    if (sanitized && result.hasNonNull("sanitizedContent")) {
      out.println("--- sanitized content ---");
      out.print(result.get("sanitizedContent").asText());
      out.println();
    }
  }
}
