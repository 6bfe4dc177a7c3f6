package dev.atomic.dte.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code verify}: each invariant with the evidence behind its verdict, the project's
 * tests and the mutation analysis of the changed classes.
 *
 * @param success true when every invariant holds, the tests pass and the mutation gate passes
 * @param tests the project's own test run; absent when tests were not run
 * @param mutationReport PIT on the changed classes; absent when only invariants were checked
 * @param metrics the verify checkpoint's figures: {@code mutationScore} (absent unless PIT computed
 *     one), {@code testsRun}, {@code testsFailed}, {@code testsAdded}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(
    boolean success,
    List<String> errors,
    List<String> warnings,
    List<InvariantResult> invariants,
    TestReport tests,
    MutationReport mutationReport,
    Map<String, Object> metrics) {

  /**
   * One invariant.
   *
   * @param evidence what was checked or found: compile errors as {@code file:line: message},
   *     matches as {@code file:line}, resolved declarations
   */
  public record InvariantResult(String name, String type, boolean passed, List<String> evidence) {}

  static VerificationReport of(
      List<String> errors,
      List<String> warnings,
      List<InvariantResult> invariants,
      TestReport tests,
      MutationReport mutation) {
    Map<String, Object> metrics = new LinkedHashMap<>();
    if (mutation != null && mutation.score() != null) {
      metrics.put("mutationScore", mutation.score());
    }
    metrics.put("testsRun", tests == null ? 0 : tests.run());
    metrics.put("testsFailed", tests == null ? 0 : tests.failed());
    // Atomic never generates tests (tests.strategy other than augment is refused).
    metrics.put("testsAdded", 0);
    return new VerificationReport(
        errors.isEmpty(),
        List.copyOf(errors),
        List.copyOf(warnings),
        invariants,
        tests,
        mutation,
        metrics);
  }
}
