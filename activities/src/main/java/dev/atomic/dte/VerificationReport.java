package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The outcome of {@code verify}: each invariant with the evidence behind its verdict.
 *
 * @param success true when every invariant holds and the project's tests pass
 * @param tests the project's own test run; absent when tests were not run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(
    boolean success,
    List<String> errors,
    List<String> warnings,
    List<InvariantResult> invariants,
    TestReport tests) {

  /**
   * One invariant.
   *
   * @param evidence what was checked or found: compile errors as {@code file:line: message},
   *     matches as {@code file:line}, resolved declarations
   */
  public record InvariantResult(String name, String type, boolean passed, List<String> evidence) {}
}
