package dev.atomic.cli.mission;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = "Approve a checkpoint (a Temporal signal with --temporal, REST otherwise).")
class ApproveCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;
  @Mixin DecisionOptions options;

  @Override
  public Integer call() {
    return Decisions.decide(spec.commandLine().getOut(), client, options, true);
  }
}
