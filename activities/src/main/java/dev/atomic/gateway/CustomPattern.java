package dev.atomic.gateway;

import java.util.List;
import java.util.Objects;

/**
 * A detector added by configuration: {@code atomic.gateway.custom-patterns}, or a rule of a
 * gitleaks-format rule set ({@link dev.atomic.gateway.secrets.GitleaksRules}).
 *
 * @param name reported as the redaction's rule
 * @param kind what a match is
 * @param regex RE2 syntax (no backreferences or lookaround), so matching is linear in the input
 * @param secretGroup the capture group that holds the value to redact; 0 for the whole match
 * @param minEntropy the least Shannon entropy, in bits per character, the value must have; null for
 *     no check
 * @param keywords the rule runs only on text holding one of these, ignoring case; empty for always
 * @param allowlists matches any of these allow are not reported
 */
public record CustomPattern(
    String name,
    Kind kind,
    String regex,
    int secretGroup,
    Double minEntropy,
    List<String> keywords,
    List<Allow> allowlists) {

  /**
   * Values a rule does not report.
   *
   * @param regexes RE2 patterns tested against the {@code target}
   * @param stopwords words whose presence in the value, ignoring case, allows it
   * @param target what {@code regexes} are tested against: {@code secret} (the value), {@code
   *     match} (the whole match) or {@code line} (the line holding the match)
   * @param all the value is allowed only when every kind of check given (regexes, stopwords) allows
   *     it, instead of any one
   */
  public record Allow(List<String> regexes, List<String> stopwords, String target, boolean all) {

    public Allow {
      regexes = regexes == null ? List.of() : List.copyOf(regexes);
      stopwords = stopwords == null ? List.of() : List.copyOf(stopwords);
      target = target == null ? "secret" : target;
      if (!List.of("secret", "match", "line").contains(target)) {
        throw new IllegalArgumentException(
            "regexTarget must be secret, match or line, not '" + target + "'");
      }
    }
  }

  public CustomPattern {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(regex, "regex");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a custom pattern needs a name");
    }
    if (secretGroup < 0) {
      throw new IllegalArgumentException("secretGroup must not be negative: " + secretGroup);
    }
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    allowlists = allowlists == null ? List.of() : List.copyOf(allowlists);
  }

  /**
   * Compiles the regexes as the engine will, so that a bad rule is refused where it is read.
   *
   * @return this pattern
   * @throws IllegalArgumentException naming the pattern: too long, not valid RE2 (look-around,
   *     backreferences), or a secret group the regex does not have
   */
  public CustomPattern requireValid() {
    new CustomPatterns(List.of(this));
    return this;
  }

  /** A plain pattern: the whole match is reported. */
  public CustomPattern(String name, Kind kind, String regex) {
    this(name, kind, regex, 0, null, List.of(), List.of());
  }
}
