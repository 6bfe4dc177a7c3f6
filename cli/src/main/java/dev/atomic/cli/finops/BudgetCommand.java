package dev.atomic.cli.finops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import dev.atomic.cli.mission.AtomicClient;
import java.io.PrintWriter;
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
    name = "budget",
    mixinStandardHelpOptions = true,
    description = "Show a budget; --set-total sets it, --add records spend.")
class BudgetCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Option(
      names = "--scope",
      defaultValue = "global",
      description = "global, mission:<id> or team:<name> (default ${DEFAULT-VALUE}).")
  String scope;

  @Option(
      names = "--add",
      paramLabel = "USD",
      description = "Spend to add to the budget's consumption.")
  BigDecimal add;

  @Option(
      names = "--set-total",
      paramLabel = "USD",
      description = "Set the budget's total (creates a mission or team budget).")
  BigDecimal total;

  @Option(names = "--reset", description = "With --set-total: monthly, weekly, daily or none.")
  String reset;

  @Option(names = "--all", description = "List every budget.")
  boolean all;

  @Override
  public Integer call() {
    AtomicClient client = rest.client();
    PrintWriter out = spec.commandLine().getOut();
    if (all) {
      JsonNode budgets = client.get("/finops/budgets");
      if (rest.json()) {
        RestOptions.printJson(out, budgets);
      } else {
        budgets.forEach(b -> out.println(line(b)));
      }
      out.flush();
      return ExitCodes.OK;
    }
    String path = "/finops/budgets/" + AtomicClient.segment(scope);
    JsonNode budget = null;
    if (total != null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("total", total);
      if (reset != null) {
        body.put("reset", reset);
      }
      budget = client.put(path, body);
    }
    if (add != null) {
      budget = client.post(path, Map.of("consumed", add));
    }
    if (budget == null) {
      budget = client.get(path);
    }
    if (rest.json()) {
      RestOptions.printJson(out, budget);
    } else {
      out.println(line(budget));
    }
    out.flush();
    return ExitCodes.OK;
  }

  static String line(JsonNode budget) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                "%s  %s (%s)  total %s USD  consumed %s  reserved %s  remaining %s",
                budget.path("scope").asText(),
                budget.path("period").asText(),
                budget.path("reset").asText(),
                budget.path("total").asText(),
                budget.path("consumed").asText(),
                budget.path("reserved").asText(),
                budget.path("remaining").asText()));
    if (budget.path("alertsFired").size() > 0) {
      line.append("  alerts fired:");
      budget.path("alertsFired").forEach(t -> line.append(' ').append(t.asInt()).append('%'));
    }
    if (budget.path("breached").asBoolean()) {
      line.append("  BREACHED");
    }
    return line.toString();
  }
}
