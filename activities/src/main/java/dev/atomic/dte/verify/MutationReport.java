package dev.atomic.dte.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What PIT found on the classes a ChangeSpec changed, and whether that meets the threshold. Figures
 * are PIT's own; when no analysis ran the figures are absent and {@code detail} says why.
 *
 * @param status {@code completed}, {@code skipped} (by configuration or option), {@code not_run}
 *     (nothing to analyse, or the tests did not pass), {@code timeout} or {@code error}
 * @param score PIT's detected / total mutants; absent unless completed with mutants
 * @param mutantsKilled mutants PIT detected (killed, timed out, memory or run error)
 * @param threshold the score the gate requires
 * @param thresholdSource {@code spec} or the risk level that set it
 * @param passed whether the gate let the change through
 * @param details every mutant, in file and line order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationReport(
    String status,
    Double score,
    Integer mutantsKilled,
    Integer mutantsTotal,
    Double threshold,
    String thresholdSource,
    Boolean passed,
    String tool,
    List<String> targetClasses,
    String targetBasis,
    String detail,
    List<Mutant> details) {

  /**
   * One mutant.
   *
   * @param mutant what PIT changed, in its words (e.g. {@code negated conditional})
   * @param status {@code killed}, {@code survived}, {@code no_coverage}, {@code timeout} or {@code
   *     error}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Mutant(
      String file,
      int line,
      String mutant,
      String mutator,
      String status,
      String mutatedClass,
      String method,
      String pitStatus) {

    /**
     * {@code Session.java:14 negated conditional (validate)}, for people deciding which test to
     * write.
     */
    public String describe() {
      return file
          + ":"
          + line
          + " "
          + mutant
          + " ("
          + method
          + ")"
          + (status.equals("survived") ? "" : " [" + status + "]");
    }
  }

  /** A report without figures. */
  static MutationReport without(
      String status,
      String detail,
      Double threshold,
      String thresholdSource,
      Boolean passed,
      MutationTargets targets) {
    return new MutationReport(
        status,
        null,
        null,
        null,
        threshold,
        thresholdSource,
        passed,
        null,
        targets == null ? null : targets.classes(),
        targets == null ? null : targets.basis(),
        detail,
        null);
  }

  /** This report judged against a threshold. */
  MutationReport gated(double threshold, String source, boolean passed) {
    return new MutationReport(
        status,
        score,
        mutantsKilled,
        mutantsTotal,
        threshold,
        source,
        passed,
        tool,
        targetClasses,
        targetBasis,
        detail,
        details);
  }

  /** Mutants no test noticed: survivors first, then those no test reached. */
  public List<Mutant> undetected() {
    if (details == null) {
      return List.of();
    }
    return details.stream()
        .filter(m -> m.status().equals("survived") || m.status().equals("no_coverage"))
        .sorted(java.util.Comparator.comparing((Mutant m) -> m.status().equals("survived") ? 0 : 1))
        .toList();
  }
}
