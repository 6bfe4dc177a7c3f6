package dev.atomic.cli.temporal;

import picocli.CommandLine.Command;

@Command(
    name = "temporal",
    mixinStandardHelpOptions = true,
    description = "The Temporal namespace Atomic runs in.",
    subcommands = {RegisterSearchAttributesCommand.class})
public class TemporalCommand {}
