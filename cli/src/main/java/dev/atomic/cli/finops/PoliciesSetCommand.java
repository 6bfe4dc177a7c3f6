package dev.atomic.cli.finops;

import dev.atomic.cli.RestOptions;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = "Store the policy of a task, replacing the one in force.")
class PoliciesSetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Option(names = "--task", required = true, description = "Task name, e.g. refactor.")
  String task;

  @Option(names = "--model", required = true, description = "Model, e.g. gpt-4.1.")
  String model;

  @Option(names = "--provider", description = "Provider (default: the one offering the model).")
  String provider;

  @Option(
      names = "--budget-ceiling",
      required = true,
      paramLabel = "USD",
      description = "Most one request of the task may cost.")
  BigDecimal budgetCeiling;

  @Option(
      names = "--priority",
      defaultValue = "0",
      description = "Order among policies, lower first (default ${DEFAULT-VALUE}).")
  int priority;

  @Override
  public Integer call() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task", task);
    body.put("model", model);
    if (provider != null) {
      body.put("provider", provider);
    }
    body.put("budgetCeiling", budgetCeiling);
    body.put("priority", priority);
    return PoliciesCommand.print(
        rest, spec.commandLine().getOut(), rest.client().put("/policies/models", body));
  }
}
