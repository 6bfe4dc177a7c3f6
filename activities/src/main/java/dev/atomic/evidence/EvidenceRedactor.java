package dev.atomic.evidence;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Cleans an event's {@code data} before it is stored, and what an audit pack carries from outside
 * the chain. The stored (redacted) data is what the hash chain covers, so a redactor must be
 * deterministic: the same data gives the same result.
 */
public interface EvidenceRedactor {

  /**
   * One value a redactor replaced.
   *
   * @param path where, as a JSONPath into the value given
   * @param rule the detector that found it
   */
  record Redacted(String path, String rule) {}

  Map<String, Object> redact(Map<String, Object> data);

  /**
   * Redacts one value (a map, list or scalar, as JSON is read) stored under {@code name} ({@code
   * null} when it has none), reporting each replaced value with its path under {@code path}.
   *
   * @return the value, redacted; the same instance when nothing was replaced
   */
  Object redact(String name, Object value, String path, Consumer<Redacted> found);

  /** Stores data as given: for tests of the chain itself, never for a platform process. */
  static EvidenceRedactor none() {
    return new EvidenceRedactor() {
      @Override
      public Map<String, Object> redact(Map<String, Object> data) {
        return data;
      }

      @Override
      public Object redact(String name, Object value, String path, Consumer<Redacted> found) {
        return value;
      }
    };
  }
}
