package dev.atomic.evidence.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.evidence.CanonicalJson;
import dev.atomic.evidence.Sha256;
import dev.atomic.platform.Json;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The in-toto Statement v1 that an audit pack's manifest signs:
 *
 * <pre>{@code
 * {"_type": "https://in-toto.io/Statement/v1",
 *  "subject": [{"name": "events.jsonl", "digest": {"sha256": "<hex>"}}, ...],
 *  "predicateType": "https://atomic.dev/audit-pack/v1",
 *  "predicate": {"missionId": "M-…", "createdAt": "<ISO-8601>", "platformVersion": "…",
 *                "absent": [{"name": "…", "reason": "…"}, ...]}}
 * }</pre>
 *
 * Subjects are every file of the pack except {@code manifest.json} and {@code public-key.pem},
 * sorted by name; the signed bytes are the statement's RFC 8785 canonical JSON.
 *
 * @param subjects file name to lower-case hex SHA-256
 * @param absent file name to the reason it is not in the pack
 */
public record PackStatement(
    String missionId,
    String createdAt,
    String platformVersion,
    SortedMap<String, String> subjects,
    SortedMap<String, String> absent) {

  public PackStatement {
    subjects = Collections.unmodifiableSortedMap(new TreeMap<>(subjects));
    absent = Collections.unmodifiableSortedMap(new TreeMap<>(absent));
  }

  /** The statement for a pack's contents. */
  static PackStatement of(AuditPackContents contents) {
    SortedMap<String, String> subjects = new TreeMap<>();
    contents.files().forEach((name, bytes) -> subjects.put(name, Sha256.hex(bytes)));
    SortedMap<String, String> absent = new TreeMap<>();
    contents.absent().forEach(file -> absent.put(file.name(), file.reason()));
    return new PackStatement(
        contents.missionId(),
        contents.createdAt().toString(),
        contents.platformVersion(),
        subjects,
        absent);
  }

  /** The canonical JSON bytes that the envelope carries and the signature covers. */
  byte[] toPayload() {
    ObjectNode statement = Json.mapper().createObjectNode();
    statement.put("_type", PackLayout.STATEMENT_TYPE);
    ArrayNode subject = statement.putArray("subject");
    subjects.forEach(
        (name, sha256) ->
            subject.addObject().put("name", name).putObject("digest").put("sha256", sha256));
    statement.put("predicateType", PackLayout.PREDICATE_TYPE);
    ObjectNode predicate = statement.putObject("predicate");
    predicate.put("missionId", missionId);
    predicate.put("createdAt", createdAt);
    predicate.put("platformVersion", platformVersion);
    ArrayNode absentList = predicate.putArray("absent");
    absent.forEach(
        (name, reason) -> absentList.addObject().put("name", name).put("reason", reason));
    return CanonicalJson.utf8(statement);
  }

  /**
   * Reads a statement from an envelope payload.
   *
   * @throws IllegalArgumentException saying what is missing or malformed
   */
  static PackStatement parse(byte[] payload) {
    JsonNode statement;
    try {
      statement = Json.mapper().readTree(payload);
    } catch (Exception e) {
      throw new IllegalArgumentException("the payload is not JSON");
    }
    if (statement == null || !statement.isObject()) {
      throw new IllegalArgumentException("the payload is not a JSON object");
    }
    expect(statement, "_type", PackLayout.STATEMENT_TYPE);
    expect(statement, "predicateType", PackLayout.PREDICATE_TYPE);
    SortedMap<String, String> subjects = new TreeMap<>();
    for (JsonNode entry : array(statement, "subject")) {
      String name = text(entry, "name", "subject");
      JsonNode digest = entry.path("digest").path("sha256");
      if (!Sha256.isHex(digest.textValue())) {
        throw new IllegalArgumentException(
            "subject " + name + " has no lower-case hex sha256 digest");
      }
      checkName(name, "subject");
      if (subjects.put(name, digest.textValue()) != null) {
        throw new IllegalArgumentException("subject " + name + " is listed twice");
      }
    }
    JsonNode predicate = statement.get("predicate");
    if (predicate == null || !predicate.isObject()) {
      throw new IllegalArgumentException("the predicate is missing");
    }
    SortedMap<String, String> absent = new TreeMap<>();
    for (JsonNode entry : array(predicate, "absent")) {
      String name = text(entry, "name", "absent file");
      if (subjects.containsKey(name)
          || absent.put(name, text(entry, "reason", "absent file " + name)) != null) {
        throw new IllegalArgumentException("absent file " + name + " is also listed elsewhere");
      }
    }
    return new PackStatement(
        text(predicate, "missionId", "predicate"),
        text(predicate, "createdAt", "predicate"),
        predicate.path("platformVersion").asText(null),
        subjects,
        absent);
  }

  private static void checkName(String name, String what) {
    String problem = PackArchive.nameProblem(name);
    if (problem != null || PackLayout.isEnvelopeFile(name)) {
      throw new IllegalArgumentException(what + " " + name + " is not a valid pack file name");
    }
  }

  private static void expect(JsonNode node, String member, String value) {
    if (!value.equals(node.path(member).textValue())) {
      throw new IllegalArgumentException(
          member + " is " + node.path(member) + ", expected " + value);
    }
  }

  private static JsonNode array(JsonNode node, String member) {
    JsonNode value = node.get(member);
    if (value == null || !value.isArray()) {
      throw new IllegalArgumentException("\"" + member + "\" is missing or not an array");
    }
    return value;
  }

  private static String text(JsonNode node, String member, String what) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException(what + " has no \"" + member + "\"");
    }
    return value.textValue();
  }
}
