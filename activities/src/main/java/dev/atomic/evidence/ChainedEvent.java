package dev.atomic.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An evidence event as stored: the event and its link in the hash chain of its stream.
 *
 * <p><b>The chain rule.</b> {@code hash} is the lower-case hex SHA-256 of the bytes of {@code
 * prevHash} (64 ASCII hex characters) immediately followed by the UTF-8 bytes of the RFC 8785
 * canonical JSON ({@link CanonicalJson}) of the object with exactly these nine members: {@code id,
 * stream, seq, missionId, type, timestamp, actor, data, prevHash} — that is, the event without its
 * {@code hash}. {@code missionId} and {@code actor} are JSON {@code null} when absent; {@code
 * timestamp} is the UTC instant as {@link Instant#toString()} prints it, at most to the microsecond
 * (what the database keeps); {@code data} is the stored, redacted data. The first event of a stream
 * (seq 1) has {@code prevHash} = 64 zeros ({@link #GENESIS}); every other event has the {@code
 * hash} of the event at seq − 1 of the same stream.
 *
 * @param id {@code EVT-<stream>-<seq>}
 * @param stream a mission id, or {@code budget:<name>}
 * @param seq position in the stream, from 1
 */
public record ChainedEvent(
    String id,
    String stream,
    long seq,
    String missionId,
    String type,
    String timestamp,
    String actor,
    Map<String, Object> data,
    String prevHash,
    String hash) {

  /** The {@code prevHash} of the first event of every stream. */
  public static final String GENESIS = "0".repeat(64);

  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  public ChainedEvent {
    data = data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /**
   * Links {@code event} after {@code prevHash}: normalises its timestamp, takes its data in the
   * form the store keeps (its JSON, read back) and computes the hash.
   */
  public static ChainedEvent link(EvidenceEvent event, String prevHash) {
    Map<String, Object> stored = Json.read(Json.write(event.data()), DATA);
    ChainedEvent unhashed =
        new ChainedEvent(
            event.id(),
            event.stream(),
            event.seq(),
            event.missionId(),
            event.type(),
            normalizeTimestamp(event.timestamp()),
            event.actor(),
            stored,
            prevHash,
            null);
    return unhashed.withHash(unhashed.computeHash());
  }

  /**
   * The timestamp as the chain hashes it: a UTC instant printed by {@link Instant#toString()},
   * truncated to microseconds.
   *
   * @throws IllegalArgumentException when {@code timestamp} is not an ISO-8601 instant
   */
  public static String normalizeTimestamp(String timestamp) {
    try {
      return Instant.parse(timestamp).truncatedTo(ChronoUnit.MICROS).toString();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("timestamp is not an ISO-8601 instant: " + timestamp, e);
    }
  }

  /** The hash this event should have, computed from every field but {@link #hash()}. */
  public String computeHash() {
    byte[] canonical = CanonicalJson.utf8(hashedJson());
    byte[] prefix = String.valueOf(prevHash).getBytes(StandardCharsets.US_ASCII);
    byte[] input = new byte[prefix.length + canonical.length];
    System.arraycopy(prefix, 0, input, 0, prefix.length);
    System.arraycopy(canonical, 0, input, prefix.length, canonical.length);
    return Sha256.hex(input);
  }

  /** The nine members the hash covers, as described on this class. */
  public ObjectNode hashedJson() {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("id", id);
    node.put("stream", stream);
    node.put("seq", seq);
    node.put("missionId", missionId);
    node.put("type", type);
    node.put("timestamp", timestamp);
    node.put("actor", actor);
    node.set("data", Json.mapper().valueToTree(data));
    node.put("prevHash", prevHash);
    return node;
  }

  /** The whole event, {@code hash} included, as one line of canonical JSON (no line break). */
  public String toJsonLine() {
    ObjectNode node = hashedJson();
    node.put("hash", hash);
    return CanonicalJson.of(node);
  }

  /**
   * Reads an event written by {@link #toJsonLine()} (or any JSON object with the same members).
   *
   * @throws IllegalArgumentException naming the first missing or mistyped member
   */
  public static ChainedEvent fromJson(String json) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("not JSON: " + firstLine(e.getMessage()), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode seq = node.get("seq");
    if (seq == null || !seq.canConvertToExactIntegral() || !seq.canConvertToLong()) {
      throw new IllegalArgumentException("member \"seq\" is missing or not an integer");
    }
    JsonNode data = node.get("data");
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("member \"data\" is missing or not an object");
    }
    return new ChainedEvent(
        text(node, "id", true),
        text(node, "stream", true),
        seq.asLong(),
        text(node, "missionId", false),
        text(node, "type", true),
        text(node, "timestamp", true),
        text(node, "actor", false),
        Json.mapper().convertValue(data, DATA),
        text(node, "prevHash", true),
        text(node, "hash", true));
  }

  /** The event without its chain link, as workflows and existing readers see it. */
  public EvidenceEvent event() {
    return new EvidenceEvent(id, stream, seq, missionId, type, actor, timestamp, data);
  }

  private ChainedEvent withHash(String newHash) {
    return new ChainedEvent(
        id, stream, seq, missionId, type, timestamp, actor, data, prevHash, newHash);
  }

  private static String text(JsonNode node, String name, boolean required) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new IllegalArgumentException("member \"" + name + "\" is missing");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("member \"" + name + "\" is not a string");
    }
    return value.textValue();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
