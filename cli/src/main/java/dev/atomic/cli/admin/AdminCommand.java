package dev.atomic.cli.admin;

import picocli.CommandLine.Command;

/** {@code atomic admin …}: API keys, maintenance mode and draining (role admin). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "API keys, maintenance mode and draining (needs the admin role).",
    subcommands = {
      CreateKeyCommand.class,
      ListKeysCommand.class,
      RevokeKeyCommand.class,
      MaintenanceCommand.class,
      DrainCommand.class
    })
public class AdminCommand {}
