package dev.atomic.dte.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What running a project's own tests found.
 *
 * @param runner {@code maven} (the project's test phase) or {@code junit-platform} (a plain tree
 *     compiled and run in-process)
 * @param status {@code passed}, {@code failed}, {@code timeout}, {@code error} or {@code none} (no
 *     tests found)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TestReport(
    String runner,
    String status,
    int run,
    int failed,
    int skipped,
    List<Failure> failures,
    String detail) {

  /** One failing test, with where it failed when the stack says so. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Failure(String test, String message, String location) {}

  public boolean passed() {
    return status.equals("passed") || status.equals("none");
  }
}
