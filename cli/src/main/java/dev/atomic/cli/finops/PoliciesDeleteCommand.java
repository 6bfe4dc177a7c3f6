package dev.atomic.cli.finops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Remove the stored policy of a task; its shipped default, if any, applies again.")
class PoliciesDeleteCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Option(names = "--task", required = true, description = "Task name.")
  String task;

  @Override
  public Integer call() {
    JsonNode answer = rest.client().delete("/policies/models/" + AtomicClient.segment(task));
    PrintWriter out = spec.commandLine().getOut();
    if (rest.json()) {
      RestOptions.printJson(out, answer);
    } else {
      out.println("deleted the stored policy of " + task);
      if (answer.path("inForce").isObject()) {
        out.println("in force now: " + PoliciesCommand.line(answer.get("inForce")));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
