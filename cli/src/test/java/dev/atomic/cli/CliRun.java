package dev.atomic.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code atomic} command run in-process, with what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun atomic(String... args) {
    CommandLine command = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return new CliRun(command.execute(args), out.toString(), err.toString());
  }

  /** As {@link #atomic}, with {@code stdin} as standard input. */
  public static CliRun atomicWithInput(String stdin, String... args) {
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      return atomic(args);
    } finally {
      System.setIn(before);
    }
  }
}
