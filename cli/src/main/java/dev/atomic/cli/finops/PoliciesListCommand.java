package dev.atomic.cli.finops;

import dev.atomic.cli.RestOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "Policies in force, stored and shipped defaults.")
class PoliciesListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Override
  public Integer call() {
    return list(rest, spec.commandLine().getOut());
  }

  static int list(RestOptions rest, PrintWriter out) {
    return PoliciesCommand.print(rest, out, rest.client().get("/policies/models"));
  }
}
