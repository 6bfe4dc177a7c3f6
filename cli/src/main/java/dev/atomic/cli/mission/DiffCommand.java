package dev.atomic.cli.mission;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = "Print (or save) the planned diff of a governed mission, as stored at plan.")
class DiffCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClientOptions client;

  @Option(names = "--mission", required = true, description = "Mission id (M-…).")
  String missionId;

  @Option(names = "--file", description = "Write the diff here instead of printing it.")
  Path file;

  @Override
  public Integer call() throws IOException {
    AtomicClient.Download diff =
        new AtomicClient(client.url())
            .getBytes("/missions/" + AtomicClient.segment(missionId) + "/diff");
    if (file == null) {
      spec.commandLine().getOut().print(new String(diff.body(), StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    if (Files.isDirectory(file)) {
      throw new CliException(ExitCodes.USAGE, "--file is a directory: " + file);
    }
    Files.write(file, diff.body());
    spec.commandLine()
        .getOut()
        .println(
            "wrote "
                + diff.body().length
                + " bytes to "
                + file
                + " (sha256 "
                + diff.headers().firstValue("X-Atomic-Sha256").orElse("?")
                + ")");
    return ExitCodes.OK;
  }
}
