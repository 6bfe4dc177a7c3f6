package dev.atomic.cli.db;

import picocli.CommandLine.Command;

@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "The platform's database.",
    subcommands = {MigrateCommand.class})
public class DbCommand {}
