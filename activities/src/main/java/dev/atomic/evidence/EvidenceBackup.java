package dev.atomic.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.platform.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A backup of one mission's evidence: the timeline {@code GET /evidence/mission/{id}/events}
 * answers, {@code {"missionId", "count", "events": [...]}}, each event with all ten members of a
 * stored event ({@code id, stream, seq, missionId, type, timestamp, actor, data, prevHash, hash}).
 *
 * <p>{@link #read} checks the form only: members, types, lengths (those of {@code
 * evidence_events}), timestamps in the form the store keeps. Whether the events make an intact
 * chain is {@link ChainVerifier}'s question, asked by {@link EvidenceImport}.
 *
 * @param events in file order
 * @param count the {@code count} the file declares, or null when it declares none
 */
public record EvidenceBackup(String missionId, Long count, List<ChainedEvent> events) {

  /** A backup that is not of the timeline's form; the message names the member and the event. */
  public static final class Malformed extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  /** What a backup document looks like, for error messages. */
  public static final String SHAPE =
      "{\"missionId\": \"M-…\", \"count\"?: n, \"events\": [{\"id\", \"stream\", \"seq\","
          + " \"missionId\", \"type\", \"timestamp\", \"actor\", \"data\", \"prevHash\","
          + " \"hash\"}, …]} as GET /evidence/mission/{id}/events answers";

  private static final Set<String> TOP = Set.of("missionId", "count", "events");
  private static final Set<String> EVENT =
      Set.of(
          "id",
          "stream",
          "seq",
          "missionId",
          "type",
          "timestamp",
          "actor",
          "data",
          "prevHash",
          "hash");
  private static final Pattern MISSION_ID = Pattern.compile("M-[A-Za-z0-9_-]{1,60}");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  public EvidenceBackup {
    events = List.copyOf(events);
  }

  /**
   * Reads a backup document.
   *
   * @throws Malformed naming the first member that is missing, unknown, of the wrong type or too
   *     long, and the event (index and id) it belongs to
   */
  public static EvidenceBackup read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new Malformed("a backup is a JSON object: " + SHAPE);
    }
    unknown(root, TOP, "the backup");
    JsonNode missionNode = root.get("missionId");
    if (missionNode == null || !missionNode.isTextual()) {
      throw new Malformed("'missionId' is required and must be a string");
    }
    String missionId = missionNode.textValue();
    if (!MISSION_ID.matcher(missionId).matches()) {
      throw new Malformed(
          "'missionId' must be a mission id (M- and up to 60 letters, digits, '-' or '_'), got '"
              + missionId
              + "'");
    }
    Long count = null;
    JsonNode countNode = root.get("count");
    if (countNode != null && !countNode.isNull()) {
      if (!countNode.canConvertToExactIntegral() || !countNode.canConvertToLong()) {
        throw new Malformed("'count' must be an integer");
      }
      count = countNode.asLong();
    }
    JsonNode eventsNode = root.get("events");
    if (eventsNode == null || !eventsNode.isArray()) {
      throw new Malformed("'events' is required and must be an array");
    }
    if (eventsNode.isEmpty()) {
      throw new Malformed("'events' is empty: a backup holds at least the MissionCreated event");
    }
    List<ChainedEvent> events = new ArrayList<>();
    for (int i = 0; i < eventsNode.size(); i++) {
      events.add(event(eventsNode.get(i), i));
    }
    return new EvidenceBackup(missionId, count, events);
  }

  private static ChainedEvent event(JsonNode node, int index) {
    String where = "events[" + index + "]";
    if (node == null || !node.isObject()) {
      throw new Malformed(where + " must be a JSON object");
    }
    JsonNode idNode = node.get("id");
    if (idNode != null && idNode.isTextual()) {
      where += " (" + clip(idNode.textValue()) + ")";
    }
    unknown(node, EVENT, where);
    JsonNode seq = node.get("seq");
    if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong()) {
      throw new Malformed(where + ": 'seq' is required and must be an integer");
    }
    JsonNode data = node.get("data");
    if (data == null || !data.isObject()) {
      throw new Malformed(where + ": 'data' is required and must be a JSON object");
    }
    String timestamp = text(node, "timestamp", true, 64, where);
    String normal;
    try {
      normal = ChainedEvent.normalizeTimestamp(timestamp);
    } catch (IllegalArgumentException e) {
      throw new Malformed(where + ": 'timestamp' is not an ISO-8601 instant: " + clip(timestamp));
    }
    if (!normal.equals(timestamp)) {
      // The store keeps the normal form, so any other spelling would not hash the same once read
      // back; a timeline always writes the normal form.
      throw new Malformed(
          where
              + ": 'timestamp' "
              + timestamp
              + " is not in the form the chain hashes (UTC, at most microseconds: "
              + normal
              + ")");
    }
    String prevHash = text(node, "prevHash", true, 64, where);
    String hash = text(node, "hash", true, 64, where);
    for (String[] pair : new String[][] {{"prevHash", prevHash}, {"hash", hash}}) {
      if (!HASH.matcher(pair[1]).matches()) {
        throw new Malformed(where + ": '" + pair[0] + "' must be 64 lower-case hex digits");
      }
    }
    return new ChainedEvent(
        text(node, "id", true, 200, where),
        text(node, "stream", true, 160, where),
        seq.asLong(),
        text(node, "missionId", false, 64, where),
        text(node, "type", true, 64, where),
        timestamp,
        text(node, "actor", false, 200, where),
        Json.mapper().convertValue(data, DATA),
        prevHash,
        hash);
  }

  private static void unknown(JsonNode node, Set<String> allowed, String where) {
    Set<String> unknown = new TreeSet<>();
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                unknown.add(name);
              }
            });
    if (!unknown.isEmpty()) {
      throw new Malformed(
          where + " has unknown member(s) " + unknown + "; allowed: " + new TreeSet<>(allowed));
    }
  }

  private static String text(
      JsonNode node, String name, boolean required, int maxLength, String where) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new Malformed(where + ": '" + name + "' is required");
      }
      if (value == null) {
        throw new Malformed(where + ": '" + name + "' is missing (null when there is none)");
      }
      return null;
    }
    if (!value.isTextual()) {
      throw new Malformed(where + ": '" + name + "' must be a string");
    }
    String text = value.textValue();
    if (text.length() > maxLength) {
      throw new Malformed(where + ": '" + name + "' is longer than " + maxLength + " characters");
    }
    return text;
  }

  private static String clip(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
