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

@Command(name = "create", mixinStandardHelpOptions = true, description = "Start a mission.")
class CreateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--title", required = true, description = "What the mission does.")
  String title;

  @Option(
      names = "--risk",
      defaultValue = "medium",
      description = "low, medium or high (default ${DEFAULT-VALUE}).")
  String risk;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("risk", risk);
    body.put("requestedBy", client.actor());
    MissionPrinter.print(
        spec.commandLine().getOut(), new AtomicClient(client.url()).post("/missions", body), client.json());
    return ExitCodes.OK;
  }
}
