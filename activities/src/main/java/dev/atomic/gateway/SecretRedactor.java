package dev.atomic.gateway;

import dev.atomic.evidence.EvidenceRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence data through the redaction engine before it is stored: every string, at any depth, has
 * its secrets and proprietary markers replaced. Personal data stays (who approved what is the
 * evidence). Deterministic, as the hash chain requires.
 */
public final class SecretRedactor implements EvidenceRedactor {

  private final RedactionEngine engine;

  public SecretRedactor(GatewayPolicy policy) {
    RedactionConfig.Builder builder =
        RedactionConfig.builder()
            .secrets(true)
            .pii(false)
            .proprietaryMarkers(policy.proprietaryMarkers())
            .customPatterns(policy.customPatterns())
            .maxInputChars(RedactionConfig.DEFAULT_MAX_INPUT_CHARS);
    policy.allowlist().forEach(builder::allow);
    this.engine = new RedactionEngine(builder.build());
  }

  @Override
  public Map<String, Object> redact(Map<String, Object> data) {
    Map<String, Object> clean = new LinkedHashMap<>();
    data.forEach((key, value) -> clean.put(key, value(value)));
    return clean;
  }

  @SuppressWarnings("unchecked")
  private Object value(Object value) {
    if (value instanceof String text) {
      return text(text);
    }
    if (value instanceof Map<?, ?> map) {
      return redact((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> clean = new ArrayList<>(list.size());
      list.forEach(item -> clean.add(value(item)));
      return clean;
    }
    return value;
  }

  private String text(String text) {
    if (text.length() > RedactionConfig.DEFAULT_MAX_INPUT_CHARS) {
      return LogRedaction.redact(text);
    }
    RedactionResult result = engine.scan(text);
    return result.found() ? result.sanitized() : text;
  }
}
