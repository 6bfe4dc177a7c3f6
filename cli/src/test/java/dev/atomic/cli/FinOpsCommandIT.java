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
