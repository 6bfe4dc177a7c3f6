package dev.atomic.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The {@code atomic} command run in-process, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun atomic(String... args) {
    CommandLine command = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return new CliRun(command.execute(args), out.toString(), err.toString());
  }
}
