package dev.atomic.cli.dte;

import picocli.CommandLine.Command;

/** {@code atomic dte …}: plan and apply ChangeSpecs locally, with no server. */
@Command(
    name = "dte",
    mixinStandardHelpOptions = true,
    description = "Plan and apply ChangeSpecs on a local tree (no server needed).",
    subcommands = {PlanCommand.class, ApplyCommand.class, RevertCommand.class, VerifyCommand.class})
public class DteCommand {}
