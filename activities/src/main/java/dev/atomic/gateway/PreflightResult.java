package dev.atomic.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a preflight check, as {@code POST /gateway/preflight} returns it.
 *
 * @param ok false when the content must not be sent (an error violation)
 * @param sanitizedContent the content with every redaction applied; absent when nothing was
 *     redacted, or when the content was refused before it was scanned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreflightResult(
    boolean ok,
    List<Violation> violations,
    List<RedactionView> redactions,
    String sanitizedContent) {

  /** A policy the content broke: {@code error} refuses it, {@code warning} only reports. */
  public record Violation(String rule, String severity, String message) {}

  /**
   * One redaction.
   *
   * @param type the kind: {@code secret}, {@code pii} or {@code proprietary}
   * @param rule the detector, e.g. {@code aws_access_key}
   * @param position offset in the submitted content, in UTF-16 units
   */
  public record RedactionView(
      String type, String rule, int position, int length, String placeholder) {

    static RedactionView of(Redaction redaction) {
      return new RedactionView(
          redaction.kind().wireName(),
          redaction.rule(),
          redaction.position(),
          redaction.length(),
          redaction.placeholder());
    }
  }
}
