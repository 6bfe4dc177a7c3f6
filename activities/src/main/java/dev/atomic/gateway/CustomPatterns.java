package dev.atomic.gateway;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Detectors from configuration, compiled with RE2 (re2j): matching time is linear in the input
 * whatever the pattern, so no configured pattern can hang the engine. Patterns are limited to
 * {@value #MAX_PATTERN_LENGTH} characters and each reports at most {@value #MAX_MATCHES} matches
 * per scan. Empty matches are ignored. Thread-safe.
 */
final class CustomPatterns {

  static final int MAX_PATTERN_LENGTH = 2_000;
  static final int MAX_MATCHES = 10_000;

  private record Compiled(CustomPattern source, Pattern pattern) {}

  private final List<Compiled> patterns = new ArrayList<>();

  /**
   * @throws IllegalArgumentException naming the pattern when one is too long or not valid RE2
   */
  CustomPatterns(List<CustomPattern> sources) {
    for (CustomPattern source : sources) {
      if (source.regex().length() > MAX_PATTERN_LENGTH) {
        throw new IllegalArgumentException(
            "custom pattern '"
                + source.name()
                + "' is longer than "
                + MAX_PATTERN_LENGTH
                + " characters");
      }
      try {
        patterns.add(new Compiled(source, Pattern.compile(source.regex())));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "custom pattern '" + source.name() + "' is not valid RE2: " + e.getDescription(), e);
      }
    }
  }

  void scan(String text, boolean secrets, boolean pii, Consumer<Candidate> out) {
    for (Compiled c : patterns) {
      Kind kind = c.source().kind();
      if (kind == Kind.SECRET && !secrets || kind == Kind.PII && !pii) {
        continue;
      }
      Matcher m = c.pattern().matcher(text);
      int found = 0;
      while (found < MAX_MATCHES && m.find()) {
        if (m.end() > m.start()) {
          out.accept(new Candidate(m.start(), m.end(), kind, c.source().name(), 3));
          found++;
        }
      }
    }
  }
}
