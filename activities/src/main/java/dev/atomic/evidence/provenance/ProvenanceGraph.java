package dev.atomic.evidence.provenance;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atomic.platform.Json;
import java.util.List;
import java.util.Optional;

/**
 * The provenance graph of a mission, as {@code GET /evidence/mission/{id}} answers it and {@code
 * provenance.json} holds it. It is a function of the mission's events alone ({@link
 * Provenance#of}), so an auditor can rebuild it from {@code events.jsonl}.
 */
@JsonPropertyOrder({"nodes", "edges"})
public record ProvenanceGraph(List<ProvenanceNode> nodes, List<ProvenanceEdge> edges) {

  public ProvenanceGraph {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  public Optional<ProvenanceNode> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** Indented JSON, members in a fixed order: the same graph always gives the same bytes. */
  public byte[] toJson() {
    try {
      return Json.mapper()
          .writer()
          .with(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(this);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the provenance graph", e);
    }
  }
}
