package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.DteException;
import dev.atomic.dte.git.GitBatches;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "revert",
    mixinStandardHelpOptions = true,
    description = {
      "Revert one batch of an applied spec (a new commit on atomic/<spec id>). Refused while",
      "applied batches depend on it, unless --cascade reverts those too, newest first."
    })
class RevertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SpecOptions target;

  @Option(names = "--batch", required = true, description = "Batch id, e.g. batch-2.")
  String batch;

  @Option(
      names = "--cascade",
      description =
          "Also revert the applied batches that depend on it, newest first (refused without).")
  boolean cascade;

  @Override
  public Integer call() throws IOException {
    if (!GitBatches.isWorkingTree(target.workingDir)) {
      throw new CliException(ExitCodes.USAGE, "not a git working tree: " + target.workingDir);
    }
    String specId = SpecFiles.read(target.specFile).id();
    try {
      for (GitBatches.Reverted reverted :
          GitBatches.revert(target.workingDir, "atomic/" + specId, batch, cascade)) {
        spec.commandLine()
            .getOut()
            .println(
                "reverted "
                    + reverted.batchId()
                    + " of "
                    + specId
                    + " in commit "
                    + reverted.commit().substring(0, 12));
      }
    } catch (DteException e) {
      throw DteErrors.of(e);
    }
    return ExitCodes.OK;
  }
}
