package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.platform.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Renders missions for people (text) or programs (JSON). */
final class MissionPrinter {

  private MissionPrinter() {}

  static void print(PrintWriter out, JsonNode value, boolean json) {
    if (json) {
      out.println(Json.pretty(value));
    } else if (value.isArray()) {
      if (value.isEmpty()) {
        out.println("no missions");
      }
      for (JsonNode mission : value) {
        out.println(headline(mission));
      }
    } else {
      printMission(out, value);
    }
    out.flush();
  }

  static JsonNode tree(Object value) {
    return Json.mapper().valueToTree(value);
  }

  private static void printMission(PrintWriter out, JsonNode mission) {
    out.println(headline(mission));
    if (mission.hasNonNull("reason")) {
      out.println("  reason: " + mission.get("reason").asText());
    }
    for (JsonNode checkpoint : mission.path("checkpoints")) {
      StringBuilder line =
          new StringBuilder(
              String.format(
                  "  %-9s %-6s %-18s",
                  checkpoint.path("name").asText(),
                  checkpoint.path("actor").asText(),
                  checkpoint.path("status").asText()));
      JsonNode decision = checkpoint.path("decision");
      if (decision.isObject()) {
        line.append(decision.path("verdict").asText())
            .append(" by ")
            .append(decision.path("by").asText())
            .append(" at ")
            .append(decision.path("at").asText());
        if (decision.hasNonNull("comment")) {
          line.append(" — ").append(decision.get("comment").asText());
        }
      }
      List<String> details = new ArrayList<>();
      for (JsonNode batch : checkpoint.path("batches")) {
        if (batch.has("files")) {
          details.add(governedBatch(batch));
        } else {
          line.append(line.indexOf(" batches:") < 0 ? " batches:" : "")
              .append(' ')
              .append(batch.path("id").asText())
              .append('(')
              .append(batch.path("status").asText())
              .append(')');
        }
      }
      JsonNode metrics = checkpoint.path("metrics");
      if (metrics.has("passed")) {
        details.add(
            "verification "
                + (metrics.path("passed").asBoolean() ? "passed" : "FAILED")
                + ": tests run "
                + metrics.path("testsRun").asText("-")
                + ", failed "
                + metrics.path("testsFailed").asText("-")
                + ", mutation score "
                + metrics.path("mutationScore").asText("-")
                + " (threshold "
                + metrics.path("mutationThreshold").asText("-")
                + ")"
                + (metrics.path("invariantsFailed").isEmpty()
                    ? ""
                    : ", invariants failed " + metrics.path("invariantsFailed")));
      }
      JsonNode pack = checkpoint.path("auditPack");
      if (pack.isObject()) {
        details.add(
            "audit pack sha256 "
                + pack.path("sha256").asText()
                + " ("
                + pack.path("bytes").asText()
                + " bytes): "
                + pack.path("download").asText());
      }
      out.println(line.toString().stripTrailing());
      details.forEach(d -> out.println("            " + d));
    }
  }

  private static String governedBatch(JsonNode batch) {
    String commit =
        batch.hasNonNull("commit") ? batch.get("commit").asText().substring(0, 12) : "-";
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%-9s %-12s %-12s",
                batch.path("id").asText(), batch.path("status").asText(), commit));
    List<String> files = new ArrayList<>();
    batch.path("files").forEach(f -> files.add(f.asText()));
    text.append(' ').append(files.size() == 1 ? files.get(0) : files.size() + " files");
    if (!batch.path("dependsOn").isEmpty()) {
      List<String> needs = new ArrayList<>();
      batch.path("dependsOn").forEach(d -> needs.add(d.asText()));
      text.append(" (depends on ").append(String.join(", ", needs)).append(')');
    }
    return text.toString();
  }

  private static String headline(JsonNode mission) {
    return String.format(
        "%s  %s  risk=%s  status=%s  by=%s  created=%s",
        mission.path("missionId").asText(),
        mission.path("title").asText(),
        mission.path("risk").asText(),
        mission.path("status").asText(),
        mission.path("requestedBy").asText(),
        mission.path("createdAt").asText());
  }
}
