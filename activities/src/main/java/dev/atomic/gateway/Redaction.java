package dev.atomic.gateway;

import java.util.Objects;

/**
 * One redacted span of the scanned text.
 *
 * @param kind what the span is
 * @param rule the detector that found it, e.g. {@code aws_access_key}, {@code email}
 * @param start index of the first character in the input (UTF-16 units)
 * @param end index after the last character in the input
 */
public record Redaction(Kind kind, String rule, int start, int end) {

  public Redaction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(rule, "rule");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
    }
  }

  /** Same as {@link #start()}: the name the preflight response uses. */
  public int position() {
    return start;
  }

  public int length() {
    return end - start;
  }

  public String placeholder() {
    return kind.placeholder();
  }
}
