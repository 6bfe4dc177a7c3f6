package dev.atomic.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "maintenance",
    mixinStandardHelpOptions = true,
    description = {
      "Maintenance mode (runbook \"Maintenance Windows\"): while it is on, no new mission starts"
          + " (503 with Retry-After) and running missions go on. Every API replica honours it.",
      "on|off changes it; without an argument, prints it."
    })
class MaintenanceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "on|off",
      description = "Turn it on or off.")
  String mode;

  @Option(names = "--reason", description = "Shown to clients refused meanwhile.")
  String reason;

  @Override
  public Integer call() {
    JsonNode state;
    if (mode == null) {
      state = rest.client().get("/admin/maintenance");
    } else if (mode.equals("on") || mode.equals("off")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("active", mode.equals("on"));
      if (reason != null) {
        body.put("reason", reason);
      }
      state = rest.client().put("/admin/maintenance", body);
    } else {
      throw new CliException(ExitCodes.USAGE, "say on or off, not '" + mode + "'");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (rest.json()) {
      RestOptions.printJson(out, state);
    } else {
      out.println(
          state.path("active").asBoolean()
              ? "maintenance ON"
                  + (state.hasNonNull("reason") ? ": " + state.get("reason").asText() : "")
                  + " (new missions are refused; running ones go on)"
              : "maintenance off");
    }
    return ExitCodes.OK;
  }
}
