package dev.atomic.cli.mission;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    description =
        "Reject a checkpoint, which ends the mission (a Temporal signal with --temporal, REST otherwise).")
class RejectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;
  @Mixin DecisionOptions options;

  @Override
  public Integer call() {
    return Decisions.decide(spec.commandLine().getOut(), client, options, false);
  }
}
