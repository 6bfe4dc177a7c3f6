package dev.atomic.cli.cds;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.Main;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code atomic cds-training}: the run from which the {@code atomic} launcher writes the class-data
 * archive of its client commands ({@code -XX:ArchiveClassesAtExit} keeps the classes of one JVM
 * run). It runs, in this JVM, the REST commands whose start time matters against a stand-in of the
 * API on a loopback port ({@link TrainingApi}). Their output is discarded; a command that fails
 * fails the run, so no archive is kept from a partial one. The DTE commands have an archive of
 * their own: one archive holding both is larger and costs the REST commands about 0.1 s to map.
 */
@Command(
    name = "cds-training",
    hidden = true,
    description = "Run the commands the launcher's client class-data archive is written from.")
public class TrainingCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    try (TrainingApi api = TrainingApi.start()) {
      String url = api.url();
      String mission = TrainingApi.MISSION_ID;
      for (String output : List.of("text", "json")) {
        run("mission", "list", "--url", url, "--output", output);
        run("mission", "status", "--mission", mission, "--url", url, "--output", output);
        run(
            "mission",
            "approve",
            "--mission",
            mission,
            "--checkpoint",
            "plan",
            "--comment",
            "looks right",
            "--url",
            url,
            "--output",
            output);
        run("evidence", "events", "--mission", mission, "--url", url, "--output", output);
      }
      expect(ExitCodes.NOT_FOUND, "mission", "status", "--mission", "M-UNKNOWN", "--url", url);
    }
    return ExitCodes.OK;
  }

  private static void run(String... args) {
    expect(ExitCodes.OK, args);
  }

  private static void expect(int exitCode, String... args) {
    CommandLine command = Main.newCommandLine(args);
    command.setOut(new PrintWriter(Writer.nullWriter()));
    command.setErr(new PrintWriter(Writer.nullWriter()));
    int code = command.execute(args);
    if (code != exitCode) {
      throw new CliException(
          ExitCodes.FAILED, "training run `atomic " + String.join(" ", args) + "` exited " + code);
    }
  }
}
