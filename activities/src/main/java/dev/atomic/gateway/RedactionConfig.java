package dev.atomic.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * How a {@link RedactionEngine} behaves. Immutable; start from {@link #defaults()} or {@link
 * #builder()}.
 *
 * @param secrets redact credentials (the preflight policy {@code SECRET_REDACTION_ENABLED})
 * @param pii redact personal data (the preflight policy {@code PII_REDACTION_ENABLED})
 * @param proprietaryMarkers words or identifiers redacted as {@link Kind#PROPRIETARY} wherever they
 *     stand as a whole word, ignoring case (e.g. {@code CONFIDENTIAL}); always applied
 * @param customPatterns extra RE2 detectors; a pattern of kind secret or pii follows that kind's
 *     switch, a proprietary one always applies
 * @param allowlist exact values that are never redacted (e.g. a team's published test key)
 * @param maxInputChars the longest text {@link RedactionEngine#scan} accepts, in UTF-16 units (Java
 *     {@code String} length); longer text is refused with {@link InputTooLargeException}
 */
public record RedactionConfig(
    boolean secrets,
    boolean pii,
    List<String> proprietaryMarkers,
    List<CustomPattern> customPatterns,
    List<String> allowlist,
    int maxInputChars) {

  /** 1 MiB of characters, the default {@code MAX_REQUEST_SIZE} of the engine. */
  public static final int DEFAULT_MAX_INPUT_CHARS = 1_048_576;

  public RedactionConfig {
    proprietaryMarkers = proprietaryMarkers.stream().filter(m -> !m.isBlank()).toList();
    customPatterns = List.copyOf(customPatterns);
    allowlist = List.copyOf(allowlist);
    if (maxInputChars <= 0) {
      throw new IllegalArgumentException("maxInputChars must be positive: " + maxInputChars);
    }
  }

  /** Secrets and PII on, no markers, no custom patterns, 1 MiB cap. */
  public static RedactionConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder().secrets(secrets).pii(pii).maxInputChars(maxInputChars);
    b.markers.addAll(proprietaryMarkers);
    b.patterns.addAll(customPatterns);
    b.allowed.addAll(allowlist);
    return b;
  }

  /** Collects options; {@link #build()} validates nothing beyond the record's own checks. */
  public static final class Builder {
    private boolean secrets = true;
    private boolean pii = true;
    private final List<String> markers = new ArrayList<>();
    private final List<CustomPattern> patterns = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();
    private int maxInputChars = DEFAULT_MAX_INPUT_CHARS;

    private Builder() {}

    public Builder secrets(boolean enabled) {
      this.secrets = enabled;
      return this;
    }

    public Builder pii(boolean enabled) {
      this.pii = enabled;
      return this;
    }

    public Builder proprietaryMarkers(List<String> values) {
      markers.addAll(values);
      return this;
    }

    public Builder proprietaryMarker(String value) {
      markers.add(value);
      return this;
    }

    public Builder customPattern(String name, Kind kind, String regex) {
      patterns.add(new CustomPattern(name, kind, regex));
      return this;
    }

    public Builder customPatterns(List<CustomPattern> values) {
      patterns.addAll(values);
      return this;
    }

    public Builder allow(String value) {
      allowed.add(value);
      return this;
    }

    public Builder maxInputChars(int value) {
      this.maxInputChars = value;
      return this;
    }

    public RedactionConfig build() {
      return new RedactionConfig(secrets, pii, markers, patterns, allowed, maxInputChars);
    }
  }
}
