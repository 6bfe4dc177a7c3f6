package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.verify.MutationReport;
import dev.atomic.dte.verify.TestReport;
import dev.atomic.dte.verify.Verification;
import dev.atomic.dte.verify.VerificationReport;
import dev.atomic.dte.verify.VerificationSettings;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check a ChangeSpec on a tree: its invariants, the project's tests, and PIT on the classes it changed,"
          + " gated on the mutation threshold; with --ci, exit 1 when any fails.",
      "Environment: TEST_TIMEOUT_MS, ENABLE_MUTATION_TESTING, MUTATION_THRESHOLD_DEFAULT."
    })
class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SpecOptions target;

  @Option(names = "--ci", description = "Exit 1 when verification fails (blocks a merge).")
  boolean ci;

  @Option(names = "--report", description = "Also write the full report as JSON to this file.")
  Path report;

  @Option(
      names = "--no-tests",
      description =
          "Check the invariants only; no tests, no mutation testing (refused for high risk).")
  boolean noTests;

  @Option(
      names = "--survivors",
      defaultValue = "5",
      description = "Surviving mutants to list (default ${DEFAULT-VALUE}).")
  int survivors;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ChangeSpec changeSpec = SpecFiles.read(target.specFile);
    if (!Files.isDirectory(target.workingDir)) {
      throw new CliException(
          ExitCodes.USAGE, "--working-dir is not a directory: " + target.workingDir);
    }
    spec.commandLine()
        .getErr()
        .println(
            "Verifying "
                + changeSpec.id()
                + " on "
                + target.workingDir.toAbsolutePath().normalize()
                + "…");
    spec.commandLine().getErr().flush();
    VerificationReport result;
    try {
      VerificationSettings settings = VerificationSettings.fromEnvironment();
      PrintWriter err = spec.commandLine().getErr();
      result =
          Verification.run(
              changeSpec,
              target.workingDir,
              noTests ? settings.withoutTests() : settings,
              step -> {
                err.println("  " + step + "…");
                err.flush();
              });
    } catch (DteException e) {
      throw DteErrors.of(e);
    }
    out.printf("%-28s %-13s %-6s %s%n", "INVARIANT", "TYPE", "RESULT", "EVIDENCE");
    for (VerificationReport.InvariantResult invariant : result.invariants()) {
      out.printf(
          "%-28s %-13s %-6s %s%n",
          invariant.name(),
          invariant.type(),
          invariant.passed() ? "pass" : "FAIL",
          invariant.evidence().isEmpty() ? "" : invariant.evidence().get(0));
      if (!invariant.passed()) {
        invariant.evidence().stream()
            .skip(1)
            .limit(9)
            .forEach(e -> out.printf("%-49s %s%n", "", e));
      }
    }
    if (result.tests() != null) {
      TestReport tests = result.tests();
      out.printf(
          "tests (%s): %s, %d run, %d failed, %d skipped%n",
          tests.runner(), tests.status(), tests.run(), tests.failed(), tests.skipped());
      tests.failures().stream()
          .limit(10)
          .forEach(
              f ->
                  out.printf(
                      "  FAIL %s%s: %s%n",
                      f.test(),
                      f.location() == null ? "" : " (" + f.location() + ")",
                      f.message()));
    }
    if (result.mutationReport() != null) {
      printMutation(out, result.mutationReport());
    }
    result.warnings().forEach(w -> out.println("warning: " + w));
    out.println(
        result.success()
            ? "verification passed"
            : "verification FAILED: " + String.join("; ", result.errors()));
    out.flush();
    if (report != null) {
      Files.writeString(report, Json.pretty(result) + "\n");
    }
    return ci && !result.success() ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void printMutation(PrintWriter out, MutationReport mutation) {
    String gate =
        mutation.threshold() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "threshold %.2f (%s)",
                mutation.threshold(),
                mutation.thresholdSource());
    if (mutation.score() != null) {
      out.printf(
          Locale.ROOT,
          "mutants (%s): %d of %d detected, score %.2f vs %s: %s%n",
          mutation.tool(),
          mutation.mutantsKilled(),
          mutation.mutantsTotal(),
          mutation.score(),
          gate,
          Boolean.TRUE.equals(mutation.passed()) ? "pass" : "FAIL");
      out.printf(
          "  on %d class(es) from %s%n", mutation.targetClasses().size(), mutation.targetBasis());
      mutation.undetected().stream()
          .limit(Math.max(0, survivors))
          .forEach(
              m ->
                  out.printf(
                      "  %-11s %s:%d %s (%s.%s, %s)%n",
                      m.status().toUpperCase(Locale.ROOT),
                      m.file(),
                      m.line(),
                      m.mutant(),
                      simpleName(m.mutatedClass()),
                      m.method(),
                      m.mutator()));
      long more = mutation.undetected().size() - Math.max(0, survivors);
      if (more > 0) {
        out.printf("  … %d more undetected (see --report)%n", more);
      }
    } else {
      out.printf(
          "mutants: %s, %s%s%n",
          mutation.status(),
          mutation.detail() == null ? "" : mutation.detail().lines().findFirst().orElse(""),
          gate.isEmpty() ? "" : "; " + gate);
    }
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
