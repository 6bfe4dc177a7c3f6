package dev.atomic.evidence.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {

  private static final String M = "M-7";

  @Test
  void aLedgerMissionHasTypedNodesAndCausalEdges() {
    List<ChainedEvent> events =
        new Chain()
            .add(
                EventTypes.MISSION_CREATED,
                "alice",
                Map.of("title", "Rename UserId", "risk", "medium"))
            .add(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "plan"))
            .add(
                EventTypes.CHECKPOINT_APPROVED,
                "bob",
                Map.of("checkpoint", "plan", "comment", "ok"))
            .add(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "execute"))
            .add(
                EventTypes.BATCH_REGISTERED,
                "agent-1",
                Map.of("batchId", "batch-1", "files", List.of("src/A.java", "src/B.java")))
            .add(EventTypes.BATCH_REGISTERED, "agent-1", Map.of("batchId", "batch-2"))
            .add("CiPipelinePassed", "ci", Map.of("batchId", "batch-1", "run", 42))
            .add(
                EventTypes.ROLLBACK_APPLIED, "bob", Map.of("batchId", "batch-2", "reason", "flaky"))
            .add(EventTypes.CHECKPOINT_APPROVED, "bob", Map.of("checkpoint", "execute"))
            .add(
                EventTypes.VERIFICATION_COMPLETED,
                "agent",
                Map.of("checkpoint", "verify", "result", "nothing to verify"))
            .add(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "finalize"))
            .add(EventTypes.CHECKPOINT_APPROVED, "carol", Map.of("checkpoint", "finalize"))
            .add(EventTypes.MISSION_COMPLETED, "platform", Map.of())
            .add(EventTypes.AUDIT_PACK_GENERATED, "dave", Map.of("sha256", "ab"))
            .events;

    ProvenanceGraph graph = Provenance.of(M, events);

    assertThat(graph.nodes())
        .extracting(ProvenanceNode::id, ProvenanceNode::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(M, "mission"),
            org.assertj.core.groups.Tuple.tuple(M + "/checkpoint/plan", "checkpoint"),
            org.assertj.core.groups.Tuple.tuple(M + "/checkpoint/execute", "checkpoint"),
            org.assertj.core.groups.Tuple.tuple(M + "/batch/batch-1", "batch"),
            org.assertj.core.groups.Tuple.tuple(M + "/batch/batch-1/change/src/A.java", "change"),
            org.assertj.core.groups.Tuple.tuple(M + "/batch/batch-1/change/src/B.java", "change"),
            org.assertj.core.groups.Tuple.tuple(M + "/batch/batch-2", "batch"),
            org.assertj.core.groups.Tuple.tuple(M + "/rollback/batch-2", "batch"),
            org.assertj.core.groups.Tuple.tuple(M + "/checkpoint/verify", "checkpoint"),
            org.assertj.core.groups.Tuple.tuple(M + "/checkpoint/finalize", "checkpoint"));
    assertThat(graph.edges())
        .extracting(e -> e.from() + " -" + e.relation() + "-> " + e.to() + " by " + e.event())
        .containsExactly(
            "M-7 -created-> M-7/checkpoint/plan by EVT-M-7-1",
            "M-7/checkpoint/plan -enables-> M-7/checkpoint/execute by EVT-M-7-3",
            "M-7/batch/batch-1 -partOf-> M-7/checkpoint/execute by EVT-M-7-5",
            "M-7/batch/batch-1 -changes-> M-7/batch/batch-1/change/src/A.java by EVT-M-7-5",
            "M-7/batch/batch-1 -changes-> M-7/batch/batch-1/change/src/B.java by EVT-M-7-5",
            "M-7/batch/batch-2 -partOf-> M-7/checkpoint/execute by EVT-M-7-6",
            "M-7/rollback/batch-2 -reverts-> M-7/batch/batch-2 by EVT-M-7-8",
            "M-7/checkpoint/execute -enables-> M-7/checkpoint/verify by EVT-M-7-9",
            "M-7/checkpoint/verify -enables-> M-7/checkpoint/finalize by EVT-M-7-10");

    ProvenanceNode mission = graph.node(M).orElseThrow();
    assertThat(mission.actor()).isEqualTo("alice");
    assertThat(mission.parent()).isNull();
    assertThat(mission.data())
        .containsEntry("title", "Rename UserId")
        .containsEntry("outcome", "completed")
        .containsEntry("events", List.of("EVT-M-7-1", "EVT-M-7-13", "EVT-M-7-14"));
    ProvenanceNode plan = graph.node(M + "/checkpoint/plan").orElseThrow();
    assertThat(plan.parent()).isEqualTo(M);
    assertThat(plan.data()).containsEntry("status", "approved");
    assertThat(plan.data().get("decision"))
        .isEqualTo(
            Map.of(
                "by",
                "bob",
                "at",
                events.get(2).timestamp(),
                "verdict",
                "approved",
                "comment",
                "ok",
                "event",
                "EVT-M-7-3"));
    ProvenanceNode batch1 = graph.node(M + "/batch/batch-1").orElseThrow();
    assertThat(batch1.parent()).isEqualTo(M + "/checkpoint/execute");
    assertThat(batch1.actor()).isEqualTo("agent-1");
    assertThat(batch1.data()).containsEntry("events", List.of("EVT-M-7-5", "EVT-M-7-7"));
    assertThat(graph.node(M + "/batch/batch-2").orElseThrow().data())
        .containsEntry("status", "rolled_back");
    assertThat(graph.node(M + "/rollback/batch-2").orElseThrow().data())
        .containsEntry("kind", "rollback")
        .containsEntry("reason", "flaky");
  }

  @Test
  void everyEventIsListedByExactlyOneNode() {
    List<ChainedEvent> events =
        new Chain()
            .add(EventTypes.MISSION_CREATED, "alice", Map.of("title", "t", "risk", "high"))
            .add(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "plan"))
            .add(
                EventTypes.SIGNAL_IGNORED,
                "mallory",
                Map.of("checkpoint", "finalize", "reason", "pending"))
            .add(EventTypes.SIGNAL_IGNORED, "mallory", Map.of("checkpoint", "plan", "reason", "x"))
            .add("DeployStarted", "ci", Map.of())
            .add(EventTypes.MISSION_EXPIRED, "platform", Map.of("reason", "no decision"))
            .events;

    ProvenanceGraph graph = Provenance.of(M, events);

    List<Object> listed = new ArrayList<>();
    graph.nodes().forEach(n -> listed.addAll((List<?>) n.data().getOrDefault("events", List.of())));
    assertThat(listed)
        .containsExactlyInAnyOrderElementsOf(events.stream().map(ChainedEvent::id).toList());
    assertThat(graph.node(M + "/checkpoint/finalize")).isEmpty();
    assertThat(graph.node(M + "/checkpoint/plan").orElseThrow().data())
        .containsEntry("status", "failed");
    assertThat(graph.node(M).orElseThrow().data()).containsEntry("outcome", "expired");
  }

  @Test
  void theSameEventsGiveTheSameBytes() {
    List<ChainedEvent> events =
        new Chain()
            .add(EventTypes.MISSION_CREATED, "alice", Map.of("title", "t", "risk", "low"))
            .add(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", "plan"))
            .events;

    assertThat(Provenance.of(M, events).toJson())
        .isEqualTo(Provenance.of(M, List.copyOf(events)).toJson());
    assertThat(
            new String(Provenance.of(M, events).toJson(), java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("{\n  \"nodes\" : [ {\n    \"id\" : \"M-7\",\n    \"type\" : \"mission\"");
  }

  /** A chain of mission M-7, one event per second. */
  private static final class Chain {
    final List<ChainedEvent> events = new ArrayList<>();

    Chain add(String type, String actor, Map<String, Object> data) {
      long seq = events.size() + 1;
      String prev = events.isEmpty() ? ChainedEvent.GENESIS : events.get(events.size() - 1).hash();
      events.add(
          ChainedEvent.link(
              new EvidenceEvent(
                  EvidenceEvent.idFor(M, seq),
                  M,
                  seq,
                  M,
                  type,
                  actor,
                  "2026-11-28T10:00:" + String.format("%02d", seq) + "Z",
                  data),
              prev));
      return this;
    }
  }
}
