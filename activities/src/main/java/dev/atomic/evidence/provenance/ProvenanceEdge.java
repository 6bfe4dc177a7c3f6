package dev.atomic.evidence.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A causal link between two nodes, established by one event.
 *
 * @param relation {@code created} (the mission opened its first checkpoint), {@code enables} (a
 *     checkpoint's approval or completion started the next), {@code partOf} (a batch was registered
 *     while the checkpoint was open), {@code reverts} (a rollback undid a batch) or {@code changes}
 *     (a batch touched a file)
 * @param event the id of the event that shows the link
 */
@JsonPropertyOrder({"from", "to", "relation", "event"})
public record ProvenanceEdge(String from, String to, String relation, String event) {}
