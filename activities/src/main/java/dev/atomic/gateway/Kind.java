package dev.atomic.gateway;

import java.util.Locale;

/**
 * What a redacted span is: a credential, personal data, or text the organisation marked as its own.
 */
public enum Kind {
  SECRET("***REDACTED_SECRET***"),
  PII("***REDACTED_PII***"),
  PROPRIETARY("***REDACTED_PROPRIETARY***");

  private final String placeholder;

  Kind(String placeholder) {
    this.placeholder = placeholder;
  }

  /** The text that replaces a span of this kind in sanitized content. */
  public String placeholder() {
    return placeholder;
  }

  /** The name used on the wire: {@code secret}, {@code pii}, {@code proprietary}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name, ignoring case. */
  public static Kind fromWire(String name) {
    return valueOf(name.trim().toUpperCase(Locale.ROOT));
  }
}
