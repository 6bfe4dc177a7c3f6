package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a mission.")
class StatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Option(
      names = "--watch",
      description = {
        "Print the mission again whenever it changes, until it ends or waits for a human.",
        "Exits 1 if it ended failed, rejected or expired."
      })
  boolean watch;

  @Option(
      names = "--interval",
      defaultValue = "1",
      description = "Seconds between polls with --watch (default ${DEFAULT-VALUE}).")
  int interval;

  @Override
  public Integer call() throws InterruptedException {
    AtomicClient rest = new AtomicClient(client.url());
    String path = "/missions/" + AtomicClient.segment(missionId);
    JsonNode mission = rest.get(path);
    MissionPrinter.print(spec.commandLine().getOut(), mission, client.json());
    if (!watch) {
      return ExitCodes.OK;
    }
    if (interval < 1 || interval > 3600) {
      throw new dev.atomic.cli.CliException(
          ExitCodes.USAGE, "--interval must be between 1 and 3600 seconds");
    }
    String seen = mission.path("updatedAt").asText();
    while (!ends(mission) && !waitsForAHuman(mission)) {
      Thread.sleep(interval * 1000L);
      mission = rest.get(path);
      if (!seen.equals(mission.path("updatedAt").asText())) {
        seen = mission.path("updatedAt").asText();
        spec.commandLine().getOut().println();
        MissionPrinter.print(spec.commandLine().getOut(), mission, client.json());
      }
    }
    String status = mission.path("status").asText();
    return List.of("failed", "rejected", "expired", "cancelled").contains(status)
        ? ExitCodes.FAILED
        : ExitCodes.OK;
  }

  private static boolean ends(JsonNode mission) {
    return List.of("completed", "failed", "rejected", "expired", "cancelled")
        .contains(mission.path("status").asText());
  }

  private static boolean waitsForAHuman(JsonNode mission) {
    for (JsonNode checkpoint : mission.path("checkpoints")) {
      if ("awaiting_approval".equals(checkpoint.path("status").asText())) {
        return true;
      }
    }
    return false;
  }
}
