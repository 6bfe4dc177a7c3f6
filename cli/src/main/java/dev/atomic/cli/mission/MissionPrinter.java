package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.platform.Json;
import java.io.PrintWriter;

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
      if (checkpoint.has("batches") && checkpoint.get("batches").size() > 0) {
        line.append(" batches:");
        for (JsonNode batch : checkpoint.get("batches")) {
          line.append(' ').append(batch.path("id").asText()).append('(').append(batch.path("status").asText()).append(')');
        }
      }
      out.println(line.toString().stripTrailing());
    }
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
