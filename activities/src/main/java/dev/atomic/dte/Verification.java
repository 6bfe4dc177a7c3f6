package dev.atomic.dte;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Verify: the spec's invariants, then the project's own tests. */
public final class Verification {

  private Verification() {}

  public static VerificationReport run(ChangeSpec spec, Path root, boolean runTests, Duration testTimeout) {
    VerificationReport invariants = Invariants.verify(spec, root);
    if (!runTests) {
      return invariants;
    }
    TestReport tests = ProjectTests.run(root, testTimeout);
    List<String> errors = new ArrayList<>(invariants.errors());
    List<String> warnings = new ArrayList<>(invariants.warnings());
    switch (tests.status()) {
      case "failed" -> errors.add(tests.failed() + " of " + tests.run() + " test(s) failed"
          + (tests.failures().isEmpty() ? "" : ", first " + describe(tests.failures().get(0))));
      case "timeout" -> errors.add("the tests " + tests.detail());
      case "error" -> errors.add("the tests could not run: " + firstLine(tests.detail()));
      case "none" -> warnings.add("no tests found (" + (tests.detail() == null ? tests.runner() : tests.detail()) + ")");
      default -> { }
    }
    return new VerificationReport(errors.isEmpty(), errors, warnings, invariants.invariants(), tests);
  }

  private static String describe(TestReport.Failure failure) {
    return failure.test() + (failure.location() == null ? "" : " (" + failure.location() + ")") + ": " + failure.message();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
