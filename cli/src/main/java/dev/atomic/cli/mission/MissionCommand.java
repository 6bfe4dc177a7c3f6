package dev.atomic.cli.mission;

import picocli.CommandLine.Command;

/** {@code atomic mission …}: create, inspect and decide missions. */
@Command(
    name = "mission",
    mixinStandardHelpOptions = true,
    description = "Create, inspect, approve, reject and roll back missions.",
    subcommands = {
      CreateCommand.class,
      StatusCommand.class,
      ListCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      BatchCommand.class,
      RollbackCommand.class,
      DiffCommand.class
    })
public class MissionCommand {}
