package dev.atomic.cli.finops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code atomic finops policies [list|set|delete|import]}; with no subcommand it lists. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = "Model policies: which model serves a task.",
    subcommands = {
      PoliciesListCommand.class,
      PoliciesSetCommand.class,
      PoliciesDeleteCommand.class,
      PoliciesImportCommand.class
    })
class PoliciesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Override
  public Integer call() {
    return PoliciesListCommand.list(rest, spec.commandLine().getOut());
  }

  static String line(JsonNode p) {
    return String.format(
        "%-18s %-10s %-18s ceiling %s USD  priority %d  (%s)",
        p.path("task").asText(),
        p.path("provider").asText(),
        p.path("model").asText(),
        p.path("budgetCeiling").asText(),
        p.path("priority").asInt(),
        p.path("source").asText());
  }

  static int print(RestOptions rest, PrintWriter out, JsonNode value) {
    if (rest.json()) {
      RestOptions.printJson(out, value);
    } else if (value.isArray()) {
      value.forEach(p -> out.println(line(p)));
    } else {
      out.println(line(value));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
