package dev.atomic.gateway;

import dev.atomic.evidence.EvidenceRedactor;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Evidence data through the redaction engine before it is stored: every value, at any depth, is
 * scanned with the name it is stored under ({@link StructuredRedaction}), so secrets in text and
 * values stored under secret names are replaced, and so are proprietary markers. Personal data
 * stays (who approved what is the evidence). Deterministic, as the hash chain requires.
 */
public final class SecretRedactor implements EvidenceRedactor {

  private final StructuredRedaction structured;

  public SecretRedactor(GatewayPolicy policy) {
    RedactionConfig.Builder builder =
        RedactionConfig.builder()
            .secrets(true)
            .pii(false)
            .proprietaryMarkers(policy.proprietaryMarkers())
            .customPatterns(policy.customPatterns())
            .maxInputChars(RedactionConfig.DEFAULT_MAX_INPUT_CHARS);
    policy.allowlist().forEach(builder::allow);
    this.structured = new StructuredRedaction(new RedactionEngine(builder.build()));
  }

  /** The redactor with the built-in rules and no organisation settings. */
  public static SecretRedactor builtIn() {
    return new SecretRedactor(GatewayPolicy.defaults());
  }

  @Override
  public Map<String, Object> redact(Map<String, Object> data) {
    return structured.redactMap(data);
  }

  @Override
  public Object redact(String name, Object value, String path, Consumer<Redacted> found) {
    return structured.redact(
        name, value, path, finding -> found.accept(new Redacted(finding.path(), finding.rule())));
  }
}
