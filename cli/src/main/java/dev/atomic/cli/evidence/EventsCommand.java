package dev.atomic.cli.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import dev.atomic.platform.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atomic evidence events --mission M}: the mission's timeline. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Print a mission's evidence timeline: every event of its chain, in order.")
class EventsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Override
  public Integer call() throws Exception {
    JsonNode timeline =
        new AtomicClient(client.url())
            .get("/evidence/mission/" + AtomicClient.segment(missionId) + "/events");
    PrintWriter out = spec.commandLine().getOut();
    if (client.json()) {
      out.println(Json.pretty(timeline));
    } else {
      for (JsonNode event : timeline.path("events")) {
        out.printf(
            "%4d  %-27s  %-22s  %-12s  %s%n",
            event.path("seq").asLong(),
            event.path("timestamp").asText(),
            event.path("type").asText(),
            event.path("actor").isNull() ? "-" : event.path("actor").asText(),
            Json.write(event.path("data")));
      }
      out.printf("%d events in the chain of %s%n", timeline.path("count").asInt(), missionId);
    }
    out.flush();
    return ExitCodes.OK;
  }
}
