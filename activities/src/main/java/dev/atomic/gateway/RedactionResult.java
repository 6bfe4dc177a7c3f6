package dev.atomic.gateway;

import java.util.List;

/**
 * What a scan found.
 *
 * @param redactions non-overlapping spans ordered by position; positions refer to the input
 * @param sanitized the input with each span replaced by its kind's placeholder
 */
public record RedactionResult(List<Redaction> redactions, String sanitized) {

  public RedactionResult {
    redactions = List.copyOf(redactions);
  }

  public boolean found() {
    return !redactions.isEmpty();
  }
}
