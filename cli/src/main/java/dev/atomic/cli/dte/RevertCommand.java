package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.DteException;
import dev.atomic.dte.GitBatches;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "revert",
    mixinStandardHelpOptions = true,
    description = "Revert one batch of an applied spec (a new commit on atomic/<spec id>).")
class RevertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SpecOptions target;

  @Option(names = "--batch", required = true, description = "Batch id, e.g. batch-2.")
  String batch;

  @Override
  public Integer call() throws IOException {
    if (!GitBatches.isWorkingTree(target.workingDir)) {
      throw new CliException(ExitCodes.USAGE, "not a git working tree: " + target.workingDir);
    }
    String specId = SpecFiles.read(target.specFile).id();
    try {
      String commit = GitBatches.revert(target.workingDir, specId, batch);
      spec.commandLine().getOut().println("reverted " + batch + " of " + specId + " in commit " + commit.substring(0, 12));
    } catch (DteException e) {
      throw DteErrors.of(e);
    }
    return ExitCodes.OK;
  }
}
