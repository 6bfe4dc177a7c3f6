package dev.atomic.evidence.pack;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.platform.Json;
import dev.atomic.platform.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Redacts what a pack carries from outside the event chain (the ChangeSpec, the Temporal history,
 * the FinOps summary) with the redactor the chain's events passed, and records what it replaced in
 * {@code redactions.json}. The pack is signed after redaction, so it verifies as any other.
 *
 * <p>In the history, each payload ({@code {metadata: {encoding}, data}}) is decoded and redacted as
 * the structured value it holds, names included, then encoded again; every other string is scanned
 * as text. Only what changed is rewritten: a history with no secret keeps its bytes, and a redacted
 * one still replays, since a replay compares commands, not payload contents.
 */
final class PackRedaction {

  /**
   * One replaced value.
   *
   * @param file the pack file
   * @param eventId the history event holding it ({@code history.json} only)
   * @param at the JSONPath of the payload or string in the file
   * @param path the JSONPath inside the decoded payload ({@code $} for a plain string)
   * @param rule the detector that found it
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(String file, String eventId, String at, String path, String rule) {}

  // Payloads are written back with their members in the order the data converter wrote them.
  private static final ObjectMapper PAYLOADS = new ObjectMapper();

  private final EvidenceRedactor redactor;
  private final List<Entry> entries = new ArrayList<>();

  PackRedaction(EvidenceRedactor redactor) {
    this.redactor = redactor;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** A JSON part (ChangeSpec, FinOps summary) redacted; absent parts stay as they are. */
  PackPart json(PackPart part, String file) {
    if (part.content().isEmpty()) {
      return part;
    }
    byte[] content = part.content().get();
    Object value;
    try {
      value = Json.mapper().readValue(content, Object.class);
    } catch (IOException e) {
      String text = new String(content, StandardCharsets.UTF_8);
      Object redacted =
          redactor.redact(null, text, "$", r -> entries.add(entry(file, null, "$", r)));
      return redacted == text
          ? part
          : PackPart.present(((String) redacted).getBytes(StandardCharsets.UTF_8));
    }
    Object redacted =
        redactor.redact(
            null, value, "$", r -> entries.add(new Entry(file, null, r.path(), null, r.rule())));
    return redacted == value ? part : PackPart.present(MissionPack.json(redacted));
  }

  /** The Temporal history ({@code WorkflowExecutionHistory.toJson}) redacted. */
  PackPart history(PackPart part) {
    if (part.content().isEmpty()) {
      return part;
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(part.content().get());
    } catch (IOException e) {
      throw new IllegalArgumentException("the workflow history is not JSON: " + e.getMessage(), e);
    }
    int before = entries.size();
    JsonNode events = root.path("events");
    for (int i = 0; i < events.size(); i++) {
      JsonNode event = events.get(i);
      String eventId = event.path("eventId").asText(String.valueOf(i + 1));
      node(event, "$.events[" + i + "]", eventId);
    }
    return entries.size() == before ? part : PackPart.present(MissionPack.json(root));
  }

  private void node(JsonNode node, String path, String eventId) {
    if (node instanceof ObjectNode object) {
      if (isPayload(object)) {
        payload(object, path, eventId);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String at = path + "." + field.getKey();
        if (field.getValue().isTextual()) {
          String text = field.getValue().asText();
          Object redacted =
              redactor.redact(null, text, "$", r -> entries.add(entry(HISTORY, eventId, at, r)));
          if (redacted != text) {
            field.setValue(TextNode.valueOf((String) redacted));
          }
        } else {
          node(field.getValue(), at, eventId);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        node(node.get(i), path + "[" + i + "]", eventId);
      }
    }
  }

  private static boolean isPayload(ObjectNode object) {
    return object.path("data").isTextual() && object.path("metadata").path("encoding").isTextual();
  }

  private void payload(ObjectNode payload, String at, String eventId) {
    String encoding = decode(payload.path("metadata").path("encoding").asText());
    byte[] data;
    try {
      data = Base64.getDecoder().decode(payload.path("data").asText());
    } catch (IllegalArgumentException e) {
      return;
    }
    byte[] redacted;
    String text = "binary/plain".equals(encoding) ? Utf8.decodeOrNull(data) : null;
    if ("json/plain".equals(encoding)) {
      Object value;
      try {
        value = PAYLOADS.readValue(data, Object.class);
      } catch (IOException e) {
        return;
      }
      Object clean =
          redactor.redact(null, value, "$", r -> entries.add(entry(HISTORY, eventId, at, r)));
      if (clean == value) {
        return;
      }
      try {
        redacted = PAYLOADS.writeValueAsBytes(clean);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write a redacted payload", e);
      }
    } else if (text != null) {
      Object clean =
          redactor.redact(null, text, "$", r -> entries.add(entry(HISTORY, eventId, at, r)));
      if (clean == text) {
        return;
      }
      redacted = ((String) clean).getBytes(StandardCharsets.UTF_8);
    } else {
      return;
    }
    payload.put("data", Base64.getEncoder().encodeToString(redacted));
  }

  private static Entry entry(String file, String eventId, String at, EvidenceRedactor.Redacted r) {
    return new Entry(file, eventId, at, r.path(), r.rule());
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** The {@code redactions.json} document. */
  byte[] report() {
    Map<String, Object> report = new java.util.LinkedHashMap<>();
    report.put(
        "about",
        "Values replaced in the files this pack carries from outside the event chain, by the"
            + " redactor every event passed before it was chained. Digests and the signature cover"
            + " the redacted files.");
    report.put("redacted", entries);
    return MissionPack.json(report);
  }

  private static final String HISTORY = PackLayout.HISTORY;
}
