package dev.atomic.evidence;

import java.util.Map;

/**
 * Cleans an event's {@code data} before it is stored. The stored (redacted) data is what the hash
 * chain covers, so a redactor must be deterministic: the same data gives the same result.
 */
@FunctionalInterface
public interface EvidenceRedactor {

  Map<String, Object> redact(Map<String, Object> data);

  /** Stores data as given. */
  static EvidenceRedactor none() {
    return data -> data;
  }
}
