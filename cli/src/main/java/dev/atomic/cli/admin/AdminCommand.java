package dev.atomic.cli.admin;

import picocli.CommandLine.Command;

/** {@code atomic admin …}: API keys (role admin). */
@Command(
    name = "admin",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API keys (needs the admin role).",
    subcommands = {CreateKeyCommand.class, ListKeysCommand.class, RevokeKeyCommand.class})
public class AdminCommand {}
