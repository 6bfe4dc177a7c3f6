package dev.atomic.cli.mission;

import dev.atomic.cli.ExitCodes;
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

  @Override
  public Integer call() {
    MissionPrinter.print(
        spec.commandLine().getOut(),
        new AtomicClient(client.url()).get("/missions/" + AtomicClient.segment(missionId)),
        client.json());
    return ExitCodes.OK;
  }
}
