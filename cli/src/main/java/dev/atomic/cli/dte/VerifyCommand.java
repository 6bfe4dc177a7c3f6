package dev.atomic.cli.dte;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import dev.atomic.dte.ProjectTests;
import dev.atomic.dte.TestReport;
import dev.atomic.dte.Verification;
import dev.atomic.dte.VerificationReport;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check a ChangeSpec's invariants on a tree; with --ci, exit 1 when any fails.")
class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SpecOptions target;

  @Option(names = "--ci", description = "Exit 1 when verification fails (blocks a merge).")
  boolean ci;

  @Option(names = "--report", description = "Also write the full report as JSON to this file.")
  Path report;

  @Option(names = "--no-tests", description = "Check the invariants only; do not run the project's tests.")
  boolean noTests;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ChangeSpec changeSpec = SpecFiles.read(target.specFile);
    if (!Files.isDirectory(target.workingDir)) {
      throw new CliException(ExitCodes.USAGE, "--working-dir is not a directory: " + target.workingDir);
    }
    spec.commandLine().getErr().println("Verifying " + changeSpec.id() + " on " + target.workingDir.toAbsolutePath().normalize() + "…");
    spec.commandLine().getErr().flush();
    VerificationReport result;
    try {
      result = Verification.run(changeSpec, target.workingDir, !noTests, ProjectTests.DEFAULT_TIMEOUT);
    } catch (DteException e) {
      throw DteErrors.of(e);
    }
    out.printf("%-28s %-13s %-6s %s%n", "INVARIANT", "TYPE", "RESULT", "EVIDENCE");
    for (VerificationReport.InvariantResult invariant : result.invariants()) {
      out.printf("%-28s %-13s %-6s %s%n", invariant.name(), invariant.type(), invariant.passed() ? "pass" : "FAIL",
          invariant.evidence().isEmpty() ? "" : invariant.evidence().get(0));
      if (!invariant.passed()) {
        invariant.evidence().stream().skip(1).limit(9).forEach(e -> out.printf("%-49s %s%n", "", e));
      }
    }
    if (result.tests() != null) {
      TestReport tests = result.tests();
      out.printf("tests (%s): %s, %d run, %d failed, %d skipped%n", tests.runner(), tests.status(), tests.run(), tests.failed(), tests.skipped());
      tests.failures().stream().limit(10).forEach(f ->
          out.printf("  FAIL %s%s: %s%n", f.test(), f.location() == null ? "" : " (" + f.location() + ")", f.message()));
    }
    result.warnings().forEach(w -> out.println("warning: " + w));
    out.println(result.success() ? "verification passed" : "verification FAILED: " + String.join("; ", result.errors()));
    out.flush();
    if (report != null) {
      Files.writeString(report, Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result) + "\n");
    }
    return ci && !result.success() ? ExitCodes.FAILED : ExitCodes.OK;
  }
}
