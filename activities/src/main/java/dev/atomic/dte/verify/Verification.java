package dev.atomic.dte.verify;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Verify: the spec's invariants, the project's own tests, then PIT on the classes the spec changed,
 * gated on the mutation threshold.
 */
public final class Verification {

  /** Surviving mutants named in the error of a failed gate. */
  static final int NAMED_SURVIVORS = 5;

  private Verification() {}

  public static VerificationReport run(ChangeSpec spec, Path root, VerificationSettings settings) {
    return run(spec, root, settings, message -> {});
  }

  /** As {@link #run(ChangeSpec, Path, VerificationSettings)}, reporting each step as it starts. */
  public static VerificationReport run(
      ChangeSpec spec, Path root, VerificationSettings settings, Consumer<String> progress) {
    String strategy =
        spec.tests() == null || spec.tests().strategy() == null
            ? "augment"
            : spec.tests().strategy();
    if (!strategy.equals("augment")) {
      throw DteException.unsupported(
          "/tests/strategy: '"
              + strategy
              + "' is not supported: Atomic runs the"
              + " project's existing tests and PIT, and does not generate tests it cannot derive honestly;"
              + " use 'augment' and write tests for the surviving mutants verify names");
    }
    progress.accept("checking " + spec.invariants().size() + " invariant(s)");
    VerificationReport invariants = Invariants.verify(spec, root, settings.classpaths());
    List<String> errors = new ArrayList<>(invariants.errors());
    List<String> warnings = new ArrayList<>(invariants.warnings());
    VerificationSettings.Threshold threshold = settings.thresholdFor(spec);
    boolean high = "high".equals(spec.risk());
    if (!settings.runTests()) {
      MutationReport skipped =
          MutationReport.without(
              "skipped",
              "skipped: tests not run (--no-tests)",
              threshold.value(),
              threshold.source(),
              !high,
              null);
      if (high) {
        errors.add("high-risk changes cannot skip the tests and mutation testing");
      }
      return VerificationReport.of(errors, warnings, invariants.invariants(), null, skipped);
    }
    if (!settings.mutationTesting() && high) {
      warnings.add(
          "ENABLE_MUTATION_TESTING=false does not apply to high-risk changes: mutation testing runs");
    }
    Path classes = tempDirectory();
    progress.accept("running the project's tests");
    TestReport tests = ProjectTests.run(root, settings.timeout(), classes, settings.tools());
    switch (tests.status()) {
      case "failed" ->
          errors.add(
              tests.failed()
                  + " of "
                  + tests.run()
                  + " test(s) failed"
                  + (tests.failures().isEmpty()
                      ? ""
                      : ", first " + describe(tests.failures().get(0))));
      case "timeout" -> errors.add("the tests " + tests.detail());
      case "error" -> errors.add("the tests could not run: " + firstLine(tests.detail()));
      case "none" ->
          warnings.add(
              "no tests found ("
                  + (tests.detail() == null ? tests.runner() : tests.detail())
                  + ")");
      default -> {}
    }
    MutationReport mutation = mutation(spec, root, settings, threshold, tests, classes, progress);
    if (Boolean.FALSE.equals(mutation.passed())) {
      errors.add(gateError(mutation));
    }
    return VerificationReport.of(errors, warnings, invariants.invariants(), tests, mutation);
  }

  private static MutationReport mutation(
      ChangeSpec spec,
      Path root,
      VerificationSettings settings,
      VerificationSettings.Threshold threshold,
      TestReport tests,
      Path classes,
      Consumer<String> progress) {
    boolean high = "high".equals(spec.risk());
    if (!settings.mutationTesting() && !high) {
      return MutationReport.without(
          "skipped",
          "skipped by configuration (ENABLE_MUTATION_TESTING=false)",
          threshold.value(),
          threshold.source(),
          true,
          null);
    }
    MutationTargets targets = MutationTargets.of(spec, root);
    if (targets.classes().isEmpty()) {
      return MutationReport.without(
          "not_run",
          "the spec changed no production class",
          threshold.value(),
          threshold.source(),
          true,
          targets);
    }
    if (!tests.status().equals("passed")) {
      // PIT needs a green suite; a red, missing or stopped one already fails verification.
      return MutationReport.without(
          "not_run",
          "not run: the tests "
              + (tests.status().equals("none") ? "were not found" : "did not pass"),
          threshold.value(),
          threshold.source(),
          false,
          targets);
    }
    progress.accept("running PIT on " + targets.classes().size() + " changed class(es)");
    MutationReport report =
        MutationTesting.run(
            root, targets, classes, settings.timeout(), settings.threads(), settings.tools());
    if (!report.status().equals("completed")) {
      return report.gated(threshold.value(), threshold.source(), false);
    }
    boolean passed = report.score() == null || report.score() >= threshold.value();
    return report.gated(threshold.value(), threshold.source(), passed);
  }

  private static String gateError(MutationReport mutation) {
    return switch (mutation.status()) {
      case "completed" ->
          String.format(
              Locale.ROOT,
              "mutation score %.2f is below the threshold %.2f (%s); %d of %d mutants undetected: %s",
              mutation.score(),
              mutation.threshold(),
              mutation.thresholdSource(),
              mutation.mutantsTotal() - mutation.mutantsKilled(),
              mutation.mutantsTotal(),
              mutation.undetected().stream()
                  .limit(NAMED_SURVIVORS)
                  .map(MutationReport.Mutant::describe)
                  .collect(Collectors.joining("; ")));
      case "timeout", "error" ->
          "mutation testing did not complete: " + firstLine(mutation.detail());
      case "skipped" -> "high-risk changes cannot skip mutation testing";
      default -> "mutation testing " + mutation.detail();
    };
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("atomic-classes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(TestReport.Failure failure) {
    return failure.test()
        + (failure.location() == null ? "" : " (" + failure.location() + ")")
        + ": "
        + failure.message();
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
