package dev.atomic.cli.admin;

import picocli.CommandLine.Command;

/** {@code atomic admin …}: API keys and maintenance mode (role admin). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "API keys and maintenance mode (needs the admin role).",
    subcommands = {
      CreateKeyCommand.class,
      ListKeysCommand.class,
      RevokeKeyCommand.class,
      MaintenanceCommand.class
    })
public class AdminCommand {}
