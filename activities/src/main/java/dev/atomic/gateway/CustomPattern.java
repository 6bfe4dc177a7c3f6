package dev.atomic.gateway;

import java.util.Objects;

/**
 * A detector added by configuration.
 *
 * @param name reported as the redaction's rule
 * @param kind what a match is
 * @param regex RE2 syntax (no backreferences or lookaround), so matching is linear in the input
 */
public record CustomPattern(String name, Kind kind, String regex) {

  public CustomPattern {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(regex, "regex");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a custom pattern needs a name");
    }
  }
}
