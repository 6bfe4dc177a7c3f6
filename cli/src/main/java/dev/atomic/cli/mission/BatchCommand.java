package dev.atomic.cli.mission;

import dev.atomic.cli.ExitCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "Register a batch while the execute checkpoint is open.")
class BatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Option(names = "--description", description = "What the batch changes.")
  String description;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("actor", client.actor());
    if (description != null) {
      body.put("description", description);
    }
    MissionPrinter.print(
        spec.commandLine().getOut(),
        new AtomicClient(client.url())
            .post("/missions/" + AtomicClient.segment(missionId) + "/batches", body),
        true);
    return ExitCodes.OK;
  }
}
