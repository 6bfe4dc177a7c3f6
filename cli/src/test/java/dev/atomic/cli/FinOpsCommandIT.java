package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.dte.DemoRepo;
import dev.atomic.platform.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code atomic finops} commands against the running platform. */
class FinOpsCommandIT {

  private final TestPlatform platform = TestPlatform.shared();

  record Run(int exitCode, String out, String err) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(out);
    }
  }

  @Test
  void budgetShowsSetsAndAddsSpend() throws Exception {
    Run set =
        atomic(
            "finops",
            "budget",
            "--scope",
            "team:cli",
            "--set-total",
            "12",
            "--url",
            platform.url(),
            "--output",
            "json");
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.json().get("total").decimalValue()).isEqualByComparingTo("12");

    Run added =
        atomic("finops", "budget", "--scope", "team:cli", "--add", "2.5", "--url", platform.url());
    assertThat(added.exitCode()).as(added.err()).isZero();
    assertThat(added.out()).contains("team:cli", "total 12 USD", "consumed 2.5", "remaining 9.5");

    Run global = atomic("finops", "budget", "--url", platform.url());
    assertThat(global.exitCode()).isZero();
    assertThat(global.out()).startsWith("global");
    Run all = atomic("finops", "budget", "--all", "--url", platform.url());
    assertThat(all.out()).contains("global", "team:cli");
  }

  @Test
  void badBudgetInputIsAUsageErrorAndAnUnknownBudgetIsNotFound() {
    Run negative =
        atomic(
            "finops", "budget", "--scope", "team:cli-bad", "--add", "-1", "--url", platform.url());
    Run notANumber = atomic("finops", "budget", "--add", "five", "--url", platform.url());
    Run missing = atomic("finops", "budget", "--scope", "team:never-set", "--url", platform.url());

    assertThat(negative.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(negative.err()).contains("must not be negative");
    assertThat(notANumber.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.err()).contains("no budget for team:never-set");
  }

  @Test
  void forecastReadsTheWorkingDirectory() throws Exception {
    Path repo = DemoRepo.copyTo(Files.createDirectories(platform.home.resolve("cli-forecast")));
    Path spec = DemoRepo.EXAMPLES.resolve("specs/CS-001.json");

    Run text =
        atomic(
            "finops",
            "forecast",
            "--spec",
            spec.toString(),
            "--working-dir",
            repo.toString(),
            "--url",
            platform.url());
    Run json =
        atomic(
            "finops",
            "forecast",
            "--spec",
            spec.toString(),
            "--model",
            "gpt-4o-mini",
            "--provider",
            "openai",
            "--url",
            platform.url(),
            "--output",
            "json");
    Run unknown =
        atomic(
            "finops",
            "forecast",
            "--spec",
            spec.toString(),
            "--provider",
            "acme",
            "--url",
            platform.url());
    Run noFile = atomic("finops", "forecast", "--spec", "no-such.json", "--url", platform.url());

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("CS-001 on copilot/gpt-4.1", "8 file(s) read from the tree", "o200k_base, exact");
    assertThat(json.exitCode()).as(json.err()).isZero();
    assertThat(json.json().get("model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(json.json().get("basis").asText()).isEqualTo("scope-estimate");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("unknown provider 'acme'");
    assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void policiesAreListedSetAndDeleted() throws Exception {
    Run set =
        atomic(
            "finops",
            "policies",
            "set",
            "--task",
            "cli-docs",
            "--model",
            "gpt-4o-mini",
            "--budget-ceiling",
            "0.2",
            "--priority",
            "20",
            "--url",
            platform.url());
    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(set.out()).contains("cli-docs", "gpt-4o-mini", "ceiling 0.2 USD", "(stored)");

    Run list = atomic("finops", "policies", "--url", platform.url(), "--output", "json");
    assertThat(list.exitCode()).isZero();
    assertThat(list.json().toString()).contains("\"task\":\"cli-docs\"");
    Run bad =
        atomic(
            "finops",
            "policies",
            "set",
            "--task",
            "cli-docs",
            "--model",
            "gpt-9",
            "--budget-ceiling",
            "1",
            "--url",
            platform.url());
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("unknown model 'gpt-9'");

    Run deleted =
        atomic("finops", "policies", "delete", "--task", "cli-docs", "--url", platform.url());
    assertThat(deleted.exitCode()).as(deleted.err()).isZero();
    assertThat(
            atomic("finops", "policies", "delete", "--task", "cli-docs", "--url", platform.url())
                .exitCode())
        .isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(atomic("finops", "policies", "list", "--url", platform.url()).out())
        .doesNotContain("cli-docs")
        .contains("refactor");
  }

  @Test
  void policiesComeBackFromTheRunbooksBackupFile() throws Exception {
    for (String[] policy :
        new String[][] {
          {"cli-import-a", "gpt-4o-mini", "0.2", "21"}, {"cli-import-b", "gpt-4.1", "3.5", "22"}
        }) {
      Run set =
          atomic(
              "finops",
              "policies",
              "set",
              "--task",
              policy[0],
              "--model",
              policy[1],
              "--budget-ceiling",
              policy[2],
              "--priority",
              policy[3],
              "--url",
              platform.url());
      assertThat(set.exitCode()).as(set.err()).isZero();
    }
    // The runbook's backup line, on the FinOps service's port.
    String backup = platform.get(platform.servicePorts[3], "/policies/models").body();
    Path file = Files.writeString(Files.createTempFile("policies", ".json"), backup);
    JsonNode saved = Json.mapper().readTree(backup);
    long defaults = 0;
    for (JsonNode p : saved) {
      defaults += p.get("source").asText().equals("default") ? 1 : 0;
    }
    assertThat(defaults).isPositive();
    for (String task : new String[] {"cli-import-a", "cli-import-b"}) {
      assertThat(
              atomic("finops", "policies", "delete", "--task", task, "--url", platform.url())
                  .exitCode())
          .isZero();
    }

    Run imported = atomic("finops", "policies", "import", file.toString(), "--url", platform.url());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out())
        .contains("stored   cli-import-a", "stored   cli-import-b")
        .contains(defaults + " shipped default(s) skipped, 0 refused");
    JsonNode now = Json.mapper().readTree(platform.get("/policies/models").body());
    for (JsonNode before : saved) {
      JsonNode after = policy(now, before.get("task").asText());
      assertThat(after).as(before.toString()).isNotNull();
      assertThat(after.get("model")).isEqualTo(before.get("model"));
      assertThat(after.get("provider")).isEqualTo(before.get("provider"));
      assertThat(after.get("budgetCeiling").decimalValue())
          .isEqualByComparingTo(before.get("budgetCeiling").decimalValue());
      assertThat(after.get("priority")).isEqualTo(before.get("priority"));
      assertThat(after.get("source")).isEqualTo(before.get("source"));
    }

    Path malformed =
        Files.writeString(
            Files.createTempFile("policies", ".json"),
            "[{\"task\":\"cli-import-c\",\"model\":\"gpt-4o-mini\",\"budgetCeiling\":1,\"priority\":1},"
                + "{\"task\":\"cli-import-d\",\"model\":\"gpt-4o-mini\",\"budgetCeiling\":\"1\",\"priority\":2},"
                + "{\"model\":5,\"budgetCeiling\":1,\"priority\":1001,\"colour\":\"red\"}]");
    Run bad = atomic("finops", "policies", "import", malformed.toString(), "--url", platform.url());
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .contains("2 malformed entries, nothing imported")
        .contains("entry 2 (cli-import-d): 'budgetCeiling' is required and must be a number")
        .contains("entry 3: unknown member(s) [colour]")
        .contains("'task' is required")
        .contains("'model' is required")
        .contains("'priority' is required: a whole number from 0 to 1000")
        .doesNotContain("\tat ");
    assertThat(
            policy(Json.mapper().readTree(platform.get("/policies/models").body()), "cli-import-c"))
        .isNull();

    Path refusedByApi =
        Files.writeString(
            Files.createTempFile("policies", ".json"),
            "[{\"task\":\"cli-import-e\",\"model\":\"gpt-9\",\"budgetCeiling\":1,\"priority\":30},"
                + "{\"task\":\"cli-import-f\",\"model\":\"gpt-4o-mini\",\"budgetCeiling\":1,\"priority\":31}]");
    Run partly =
        atomic("finops", "policies", "import", refusedByApi.toString(), "--url", platform.url());
    assertThat(partly.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(partly.out()).contains("REFUSED  entry 1 (cli-import-e)", "stored   cli-import-f");
    assertThat(partly.err())
        .contains("1 of 2 policies not imported")
        .contains("entry 1 (cli-import-e): unknown model 'gpt-9'");
    assertThat(partly.out()).contains("1 policy put back");

    for (String task : new String[] {"cli-import-a", "cli-import-b", "cli-import-f"}) {
      atomic("finops", "policies", "delete", "--task", task, "--url", platform.url());
    }
  }

  private static JsonNode policy(JsonNode list, String task) {
    for (JsonNode p : list) {
      if (p.get("task").asText().equals(task)) {
        return p;
      }
    }
    return null;
  }

  private static Run atomic(String... args) {
    CommandLine command = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
