package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.IntentPlanner;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Turn an intent such as \"Rename UserId to AccountId\" into a ChangeSpec.")
class PlanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--intent",
      required = true,
      description = "What to change; `atomic dte plan --intent help` lists the forms.")
  String intent;

  @Option(
      names = "--scope",
      required = true,
      arity = "1..*",
      description = "Files, directories or globs, e.g. src/**/*.java.")
  List<String> scope;

  @Option(
      names = "--language",
      description = "java (default, inferred from the scope), typescript, javascript or python.")
  String language;

  @Option(
      names = "--id",
      defaultValue = "CS-1",
      description = "ChangeSpec id, CS-<n> (default ${DEFAULT-VALUE}).")
  String id;

  @Option(names = "--output", description = "Write the ChangeSpec here instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    ChangeSpec planned;
    try {
      planned =
          IntentPlanner.plan(
              id,
              intent,
              scope,
              language,
              System.getProperty("user.name", "unknown"),
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    } catch (DteException e) {
      throw DteErrors.of(e);
    }
    String json = Json.pretty(planned) + "\n";
    if (output == null) {
      spec.commandLine().getOut().print(json);
      spec.commandLine().getOut().flush();
    } else {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new CliException(ExitCodes.USAGE, "no such directory for --output: " + parent);
      }
      Files.writeString(output, json);
      spec.commandLine()
          .getErr()
          .println("wrote " + output + " (" + planned.patches().get(0).astOp() + ")");
    }
    return ExitCodes.OK;
  }
}
