package dev.atomic.evidence.pack;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of verifying an audit pack: every check in the order it ran, each passed, failed
 * (with a message naming the file, event or key at fault) or skipped (it needed an earlier check
 * that failed). The pack is valid only when every check passed.
 */
public record VerificationReport(List<Check> checks) {

  public enum Status {
    PASSED,
    FAILED,
    SKIPPED;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One check; see docs/evidence.md for what each name covers. */
  public record Check(String name, Status status, String message) {}

  public VerificationReport {
    checks = List.copyOf(checks);
  }

  public boolean ok() {
    return !checks.isEmpty() && checks.stream().allMatch(c -> c.status() == Status.PASSED);
  }

  /** The first failed check: the one to read first. */
  public Optional<Check> firstFailure() {
    return checks.stream().filter(c -> c.status() == Status.FAILED).findFirst();
  }

  /** One line per check, e.g. {@code PASS signature Ed25519 signature by key 3f2a… verifies}. */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (Check check : checks) {
      String label =
          switch (check.status()) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case SKIPPED -> "SKIP";
          };
      text.append(
          String.format(Locale.ROOT, "%-5s %-11s %s%n", label, check.name(), check.message()));
    }
    text.append(ok() ? "audit pack verified" : "audit pack NOT verified")
        .append(System.lineSeparator());
    return text.toString();
  }
}
