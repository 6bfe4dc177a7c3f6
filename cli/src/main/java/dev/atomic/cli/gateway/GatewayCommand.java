package dev.atomic.cli.gateway;

import picocli.CommandLine.Command;

@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description =
        "Check content before it leaves for an AI provider; measure the redaction engine.",
    subcommands = {PreflightCommand.class, ScanCommand.class, BenchCommand.class})
public class GatewayCommand {}
