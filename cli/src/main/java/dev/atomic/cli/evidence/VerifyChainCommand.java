package dev.atomic.cli.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
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

/** {@code atomic evidence verify-chain --mission M}: the server's check of a stored chain. */
@Command(
    name = "verify-chain",
    mixinStandardHelpOptions = true,
    description = {
      "Have the platform recompute a mission's hash chain from its database.",
      "Exit 0 when the chain is intact, 1 with the first broken event otherwise."
    })
class VerifyChainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Override
  public Integer call() throws Exception {
    JsonNode result =
        new AtomicClient(client.url())
            .get("/evidence/mission/" + AtomicClient.segment(missionId) + "/verify");
    PrintWriter out = spec.commandLine().getOut();
    boolean ok = result.path("ok").asBoolean(false);
    if (client.json()) {
      out.println(Json.pretty(result));
    } else if (ok) {
      out.printf(
          "chain of %s intact: %d events, last %s, hash %s%n",
          missionId,
          result.path("events").asInt(),
          result.at("/head/id").asText("-"),
          result.at("/head/hash").asText("-"));
    } else {
      out.printf(
          "chain of %s BROKEN: %d of %d events check out%n",
          missionId, result.path("checked").asInt(), result.path("events").asInt());
    }
    out.flush();
    if (!ok) {
      throw new CliException(ExitCodes.FAILED, result.path("failure").asText("chain broken"));
    }
    return ExitCodes.OK;
  }
}
