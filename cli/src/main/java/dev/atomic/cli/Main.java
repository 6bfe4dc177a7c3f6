package dev.atomic.cli;

import picocli.CommandLine;

/** Entry point of the {@code atomic} command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int code = newCommandLine(args).execute(args);
    System.exit(code);
  }

  /** The configured command line with every subcommand: shared by {@link #main} and the tests. */
  public static CommandLine newCommandLine() {
    return newCommandLine(new String[0]);
  }

  /**
   * The configured command line for {@code args}: when they start with a subcommand's name, the
   * tree holds only that subcommand, so a REST command does not load the classes of every other
   * command; otherwise (help, version, a mistyped name) it holds them all.
   */
  public static CommandLine newCommandLine(String... args) {
    // picocli's default factory looks for Groovy closures in annotations; Groovy is on the class
    // path (OpenRewrite's Groovy parser), and loading its Closure costs ~300 classes per start.
    System.setProperty("picocli.disable.closures", "true");
    CommandLine commandLine = new CommandLine(new AtomicCommand());
    String named = args.length > 0 ? args[0] : null;
    boolean one = AtomicCommand.SUBCOMMANDS.containsKey(named);
    AtomicCommand.SUBCOMMANDS.forEach(
        (name, type) -> {
          if (!one || name.equals(named)) {
            commandLine.addSubcommand(name, type);
          }
        });
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

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
