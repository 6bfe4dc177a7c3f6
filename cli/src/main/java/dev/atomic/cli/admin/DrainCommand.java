package dev.atomic.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.cli.RestOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "drain",
    mixinStandardHelpOptions = true,
    description = {
      "Before stopping workers for maintenance: lists the activities still scheduled or running"
          + " (GET /admin/drain) and the workflows that only wait. Missions waiting for a human"
          + " do not hold a drain up: their state is kept by Temporal across a restart.",
      "With --wait, polls until no activity is pending (exit 0) or --timeout passes (exit 1)."
          + " Turn maintenance on first (atomic admin maintenance on) so no new mission starts.",
    })
class DrainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin RestOptions rest;

  @Option(names = "--wait", description = "Wait until no activity is pending.")
  boolean await;

  @Option(
      names = "--timeout",
      defaultValue = "PT30M",
      description = "How long --wait waits, ISO-8601 (default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--interval",
      defaultValue = "PT5S",
      description = "How often --wait asks again (default ${DEFAULT-VALUE}).")
  Duration interval;

  @Override
  public Integer call() {
    if (timeout.isNegative() || interval.isNegative() || interval.isZero()) {
      throw new CliException(ExitCodes.USAGE, "--timeout and --interval must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode state = rest.client().get("/admin/drain");
    if (!rest.json() && !state.path("maintenance").asBoolean(true)) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: maintenance is off, so new missions can still start"
                  + " (atomic admin maintenance on)");
    }
    String said = null;
    // Drained twice in a row: a workflow between two steps is not mistaken for one at rest.
    int drainedAnswers = state.path("drained").asBoolean() ? 1 : 0;
    while (await && drainedAnswers < 2) {
      if (state.path("drained").asBoolean()) {
        sleep(interval);
        state = rest.client().get("/admin/drain");
        drainedAnswers = state.path("drained").asBoolean() ? drainedAnswers + 1 : 0;
        continue;
      }
      String summary = summary(state);
      if (!rest.json() && !summary.equals(said)) {
        out.println(summary); // each change once, not every poll
        out.flush();
        said = summary;
      }
      if (System.nanoTime() + interval.toNanos() > deadline) {
        print(out, state);
        throw new CliException(
            ExitCodes.FAILED,
            "not drained after " + timeout + ": " + state.path("running").size() + " still run");
      }
      sleep(interval);
      state = rest.client().get("/admin/drain");
      drainedAnswers = state.path("drained").asBoolean() ? 1 : 0;
    }
    print(out, state);
    return await && !state.path("drained").asBoolean() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void print(PrintWriter out, JsonNode state) {
    if (rest.json()) {
      RestOptions.printJson(out, state);
      return;
    }
    out.println(
        state.path("drained").asBoolean()
            ? "drained: no activity is scheduled or running"
            : "not drained: " + summary(state));
    for (JsonNode workflow : state.path("running")) {
      for (JsonNode activity : workflow.path("activities")) {
        out.printf(
            "  running  %-24s %-28s %s (attempt %d%s)%n",
            workflow.path("workflowId").asText(),
            workflow.path("workflowType").asText(),
            activity.path("activityType").asText() + " " + activity.path("state").asText(),
            activity.path("attempt").asInt(),
            activity.has("startedAt") ? ", since " + activity.path("startedAt").asText() : "");
      }
    }
    for (JsonNode workflow : state.path("waiting")) {
      out.printf(
          "  waiting  %-24s %-28s %s%n",
          workflow.path("workflowId").asText(),
          workflow.path("workflowType").asText(),
          workflow.has("waitingFor") ? "for " + workflow.path("waitingFor").asText() : "");
    }
    if (state.path("truncated").asBoolean()) {
      out.println("  (only the first open workflows were looked at)");
    }
  }

  private static String summary(JsonNode state) {
    int activities = 0;
    for (JsonNode workflow : state.path("running")) {
      activities += workflow.path("activities").size();
    }
    return activities
        + " activit"
        + (activities == 1 ? "y" : "ies")
        + " in "
        + state.path("running").size()
        + " workflow(s) still pending; "
        + state.path("waiting").size()
        + " workflow(s) only wait";
  }

  private static void sleep(Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCodes.FAILED, "interrupted while waiting for the drain");
    }
  }
}
