package dev.atomic.cli.finops;

import picocli.CommandLine.Command;

/** {@code atomic finops …}: budgets, forecasts and model policies, over REST. */
@Command(
    name = "finops",
    mixinStandardHelpOptions = true,
    description = "Budgets, cost forecasts and model policies.",
    subcommands = {BudgetCommand.class, ForecastCommand.class, PoliciesCommand.class})
public class FinOpsCommand {}
