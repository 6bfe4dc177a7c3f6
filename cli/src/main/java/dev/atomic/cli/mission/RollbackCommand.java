package dev.atomic.cli.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.platform.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true, description = "Roll back one batch.")
class RollbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Option(names = "--batch", required = true, description = "Batch id (batch-…).")
  String batchId;

  @Option(names = "--reason", description = "Why; recorded with the rollback.")
  String reason;

  @Option(
      names = "--cascade",
      description =
          "Also roll back the applied batches that depend on it, newest first (governed missions).")
  boolean cascade;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("actor", client.actor());
    if (cascade) {
      body.put("cascade", true);
    }
    if (reason != null) {
      body.put("reason", reason);
    }
    JsonNode result =
        new AtomicClient(client.url())
            .post(
                "/missions/"
                    + AtomicClient.segment(missionId)
                    + "/rollback/"
                    + AtomicClient.segment(batchId),
                body);
    if (client.json()) {
      spec.commandLine().getOut().println(Json.pretty(result));
    } else {
      spec.commandLine().getOut().println(result.path("message").asText());
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
