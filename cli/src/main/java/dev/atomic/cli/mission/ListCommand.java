package dev.atomic.cli.mission;

import dev.atomic.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List missions, newest first.")
class ListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(
      names = "--status",
      description = "active (not finished), or a status such as completed, rejected, executing.")
  String status;

  @Option(
      names = "--limit",
      defaultValue = "100",
      description = "At most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    String query =
        "?limit=" + limit + (status == null ? "" : "&status=" + AtomicClient.segment(status));
    MissionPrinter.print(
        spec.commandLine().getOut(),
        new AtomicClient(client.url()).get("/missions" + query),
        client.json());
    return ExitCodes.OK;
  }
}
