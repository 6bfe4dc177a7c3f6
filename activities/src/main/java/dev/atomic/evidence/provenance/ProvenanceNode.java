package dev.atomic.evidence.provenance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing a mission's evidence speaks about. docs/evidence.md ("Provenance graph") describes each
 * type and its {@code data}.
 *
 * @param id {@code M-7}, {@code M-7/checkpoint/plan}, {@code M-7/batch/batch-1}, {@code
 *     M-7/rollback/batch-1} or {@code M-7/batch/batch-1/change/<path>}
 * @param type {@code mission}, {@code checkpoint}, {@code batch} (a rollback is a batch that
 *     reverts another) or {@code change} (one file of a batch)
 * @param timestamp when the event that brought the node into being happened
 * @param actor who caused that event
 * @param parent the node this one belongs to; absent for the mission
 * @param data what the events say about the node, with {@code events}: the ids of the events that
 *     concern it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "type", "timestamp", "actor", "parent", "data"})
public record ProvenanceNode(
    String id,
    String type,
    String timestamp,
    String actor,
    String parent,
    Map<String, Object> data) {

  public ProvenanceNode {
    data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
  }
}
