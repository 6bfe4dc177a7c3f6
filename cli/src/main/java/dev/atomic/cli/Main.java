package dev.atomic.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of the {@code atomic} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    quietLibraries();
    int code = newCommandLine().execute(args);
    System.exit(code);
  }

  /** The configured command line: shared by {@link #main} and the tests. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new AtomicCommand());
    commandLine.setExitCodeExceptionMapper(
        e -> {
          if (e instanceof CliException cli) {
            return cli.exitCode();
          }
          return e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILED;
        });
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          if (e instanceof CliException cli) {
            cmd.getErr().println("error: " + cli.getMessage());
            return cli.exitCode();
          }
          cmd.getErr().println("error: " + describe(e));
          return ExitCodes.FAILED;
        });
    return commandLine;
  }

  /**
   * Client commands print only their own output; library chatter (gRPC, Temporal) goes to WARN.
   * {@code atomic dev} and {@code atomic worker} start Spring Boot, which sets up logging anew.
   */
  private static void quietLibraries() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
