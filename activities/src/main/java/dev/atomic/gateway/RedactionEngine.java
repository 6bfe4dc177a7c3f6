package dev.atomic.gateway;

import dev.atomic.gateway.pii.PiiDetectors;
import dev.atomic.gateway.secrets.NamedSecrets;
import dev.atomic.gateway.secrets.SecretRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds secrets, personal data and proprietary markers in text and replaces them with placeholders.
 * Construct once from a {@link RedactionConfig} and share: the engine is immutable and thread-safe,
 * and {@link #scan} allocates only per call.
 *
 * <p>How it decides: a keyword prefilter (Aho-Corasick) runs the built-in secret rules only near
 * their keywords; vendor formats are checked for randomness and against documented examples and
 * placeholders; personal data is validated (Luhn, mod 97, SSN ranges, NANP and E.164 numbering);
 * custom patterns run under RE2. Overlapping detections are resolved by {@link Overlaps}.
 */
public final class RedactionEngine {

  private final RedactionConfig config;
  private final SecretRules secrets = SecretRules.builtIn();
  private final Markers markers;
  private final CustomPatterns custom;
  private final Set<String> allowlist;

  /**
   * @throws IllegalArgumentException when a custom pattern is not valid RE2
   */
  public RedactionEngine(RedactionConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.markers =
        config.proprietaryMarkers().isEmpty() ? null : new Markers(config.proprietaryMarkers());
    this.custom = new CustomPatterns(config.customPatterns());
    this.allowlist = Set.copyOf(config.allowlist());
  }

  public RedactionEngine() {
    this(RedactionConfig.defaults());
  }

  public RedactionConfig config() {
    return config;
  }

  /**
   * Scans {@code text}. Redaction positions refer to {@code text}, not to the sanitized output.
   *
   * @throws InputTooLargeException when {@code text} is longer than {@link
   *     RedactionConfig#maxInputChars()}
   */
  public RedactionResult scan(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > config.maxInputChars()) {
      throw new InputTooLargeException(text.length(), config.maxInputChars());
    }
    List<Candidate> found = new ArrayList<>();
    if (config.secrets()) {
      secrets.scan(text, found::add);
    }
    if (config.pii()) {
      PiiDetectors.scan(text, found::add);
    }
    if (markers != null) {
      markers.scan(text, found::add);
    }
    custom.scan(text, config.secrets(), config.pii(), found::add);
    if (!allowlist.isEmpty()) {
      found.removeIf(c -> allowlist.contains(text.substring(c.start(), c.end())));
    }
    List<Redaction> redactions = found.isEmpty() ? List.of() : Overlaps.resolve(found);
    return new RedactionResult(redactions, sanitize(text, redactions));
  }

  /**
   * Scans {@code value} as it is stored under {@code name} in structured data: when the name says
   * the value is a secret, the whole value is redacted ({@code generic_secret}) unless it is a
   * placeholder or allowed; otherwise the value is scanned as text.
   *
   * @throws InputTooLargeException as {@link #scan}
   */
  public RedactionResult scanNamed(String name, String value) {
    Objects.requireNonNull(value, "value");
    if (config.secrets()
        && NamedSecrets.isSecret(name, value)
        && !allowlist.contains(value)
        && !allowlist.contains(value.strip())) {
      List<Redaction> whole =
          List.of(new Redaction(Kind.SECRET, NamedSecrets.RULE, 0, value.length()));
      return new RedactionResult(whole, Kind.SECRET.placeholder());
    }
    return scan(value);
  }

  /** The rule types the built-in detectors report: every secret rule, then every PII detector. */
  public static Set<String> builtInRuleTypes() {
    Set<String> types = new LinkedHashSet<>(SecretRules.builtIn().types());
    types.addAll(PiiDetectors.TYPES);
    return types;
  }

  static String sanitize(String text, List<Redaction> redactions) {
    if (redactions.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int at = 0;
    for (Redaction r : redactions) {
      out.append(text, at, r.start()).append(r.placeholder());
      at = r.end();
    }
    return out.append(text, at, text.length()).toString();
  }
}
