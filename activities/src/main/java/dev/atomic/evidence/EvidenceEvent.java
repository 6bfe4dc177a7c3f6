package dev.atomic.evidence;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of the append-only evidence log, as a workflow proposes it. The store adds the
 * hash-chain link; {@link ChainedEvent} is the stored form.
 *
 * @param id {@code EVT-<stream>-<seq>}; derived from the workflow, so a retried write is a no-op
 * @param stream a mission id, or {@code budget:<name>} for events that belong to no mission
 * @param seq position in the stream, from 1
 * @param timestamp ISO-8601 instant at which the event happened (workflow time)
 */
public record EvidenceEvent(
    String id,
    String stream,
    long seq,
    String missionId,
    String type,
    String actor,
    String timestamp,
    Map<String, Object> data) {

  public EvidenceEvent {
    // Sorted, so the stored form and every later digest are the same on every replay.
    data = data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
  }

  /** The same event with other data, e.g. after redaction. */
  public EvidenceEvent withData(Map<String, Object> newData) {
    return new EvidenceEvent(id, stream, seq, missionId, type, actor, timestamp, newData);
  }

  /** The event id for a position in a stream. */
  public static String idFor(String stream, long seq) {
    return "EVT-" + stream + "-" + seq;
  }
}
