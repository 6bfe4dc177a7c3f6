package dev.atomic.evidence.provenance;

import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a mission's provenance graph from its events, in chain order. Nodes are the mission, its
 * checkpoints, its batches (rollbacks included) and the files a batch changed; edges say which
 * event caused what. Every event is listed in the {@code data.events} of exactly one node: its
 * batch, else its checkpoint, else the mission; a change node names the batch event that listed it
 * in {@code data.event}.
 */
public final class Provenance {

  public static final String MISSION = "mission";
  public static final String CHECKPOINT = "checkpoint";
  public static final String BATCH = "batch";
  public static final String CHANGE = "change";

  public static final String CREATED = "created";
  public static final String ENABLES = "enables";
  public static final String PART_OF = "partOf";
  public static final String REVERTS = "reverts";
  public static final String CHANGES = "changes";

  private final String missionId;
  private final Map<String, Draft> nodes = new LinkedHashMap<>();
  private final List<ProvenanceEdge> edges = new ArrayList<>();

  /** The event that last started or finished a step: the cause of the next checkpoint. */
  private ChainedEvent lastCause;

  private Provenance(String missionId) {
    this.missionId = missionId;
  }

  /** The graph of {@code events}, the chain of mission {@code missionId} in order. */
  public static ProvenanceGraph of(String missionId, List<ChainedEvent> events) {
    Provenance provenance = new Provenance(missionId);
    for (ChainedEvent event : events) {
      provenance.add(event);
    }
    return provenance.graph();
  }

  private void add(ChainedEvent event) {
    Draft mission = mission(event);
    switch (event.type()) {
      case EventTypes.MISSION_CREATED -> {
        mission.attach(event);
        copy(event.data(), mission.data, "title", "risk");
        lastCause = event;
      }
      case EventTypes.CHECKPOINT_OPENED,
          EventTypes.CHECKPOINT_APPROVED,
          EventTypes.CHECKPOINT_REJECTED,
          EventTypes.VERIFICATION_COMPLETED ->
          checkpointEvent(event, mission);
      case EventTypes.BATCH_REGISTERED, EventTypes.BATCH_EXECUTED -> batchEvent(event, mission);
      case EventTypes.ROLLBACK_APPLIED -> rollbackEvent(event, mission);
      case EventTypes.MISSION_COMPLETED,
          EventTypes.MISSION_REJECTED,
          EventTypes.MISSION_EXPIRED,
          EventTypes.MISSION_FAILED -> {
        mission.attach(event);
        mission.data.put("outcome", outcomeOf(event.type()));
        copy(event.data(), mission.data, "reason");
        if (!EventTypes.MISSION_COMPLETED.equals(event.type())) {
          failOpenCheckpoints(event.type());
        }
      }
      default -> owner(event, mission).attach(event);
    }
  }

  private Draft mission(ChainedEvent event) {
    return nodes.computeIfAbsent(
        missionId, id -> new Draft(id, MISSION, event.timestamp(), event.actor(), null));
  }

  private void checkpointEvent(ChainedEvent event, Draft mission) {
    String name = text(event.data().get("checkpoint"));
    if (name == null) {
      mission.attach(event);
      return;
    }
    String id = missionId + "/checkpoint/" + name;
    Draft checkpoint = nodes.get(id);
    if (checkpoint == null) {
      checkpoint = new Draft(id, CHECKPOINT, event.timestamp(), event.actor(), missionId);
      checkpoint.data.put("name", name);
      nodes.put(id, checkpoint);
      if (lastCause != null) {
        boolean byMission = EventTypes.MISSION_CREATED.equals(lastCause.type());
        String from = byMission ? missionId : checkpointIdOf(lastCause);
        if (from != null && !from.equals(id)) {
          edges.add(new ProvenanceEdge(from, id, byMission ? CREATED : ENABLES, lastCause.id()));
        }
      }
    }
    checkpoint.attach(event);
    switch (event.type()) {
      case EventTypes.CHECKPOINT_OPENED -> checkpoint.data.put("status", "awaiting_approval");
      case EventTypes.VERIFICATION_COMPLETED -> {
        checkpoint.data.put("status", "completed");
        Map<String, Object> result = new LinkedHashMap<>(event.data());
        result.remove("checkpoint");
        checkpoint.data.put("result", result);
        lastCause = event;
      }
      default -> {
        boolean approved = EventTypes.CHECKPOINT_APPROVED.equals(event.type());
        checkpoint.data.put("status", approved ? "approved" : "rejected");
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("by", event.actor());
        decision.put("at", event.timestamp());
        decision.put("verdict", approved ? "approved" : "rejected");
        decision.put("comment", text(event.data().get("comment")));
        decision.put("event", event.id());
        checkpoint.data.put("decision", decision);
        if (approved) {
          lastCause = event;
        }
      }
    }
  }

  private void batchEvent(ChainedEvent event, Draft mission) {
    String batchId = text(event.data().get("batchId"));
    if (batchId == null) {
      mission.attach(event);
      return;
    }
    String id = batchNodeId(batchId);
    Draft batch = nodes.get(id);
    if (batch == null) {
      Draft container = containerOf(event, mission);
      batch = new Draft(id, BATCH, event.timestamp(), event.actor(), container.id);
      batch.data.put("batchId", batchId);
      batch.data.put("kind", "apply");
      nodes.put(id, batch);
      edges.add(new ProvenanceEdge(id, container.id, PART_OF, event.id()));
    }
    batch.attach(event);
    copy(event.data(), batch.data, "description", "commit");
    batch.data.put(
        "status", EventTypes.BATCH_EXECUTED.equals(event.type()) ? "executed" : "registered");
    if (event.data().get("diff") instanceof String diff && !diff.isBlank()) {
      batch.data.put("diff", "diffs/" + batchId + ".diff");
    }
    changes(event, batch, batchId);
  }

  private void rollbackEvent(ChainedEvent event, Draft mission) {
    String batchId = text(event.data().get("batchId"));
    if (batchId == null) {
      mission.attach(event);
      return;
    }
    String id = missionId + "/rollback/" + batchId;
    Draft reverted = nodes.get(batchNodeId(batchId));
    Draft rollback = nodes.get(id);
    if (rollback == null) {
      String parent = reverted != null ? reverted.parent : containerOf(event, mission).id;
      rollback = new Draft(id, BATCH, event.timestamp(), event.actor(), parent);
      rollback.data.put("batchId", batchId);
      rollback.data.put("kind", "rollback");
      nodes.put(id, rollback);
      if (reverted != null) {
        edges.add(new ProvenanceEdge(id, reverted.id, REVERTS, event.id()));
      }
    }
    rollback.attach(event);
    copy(event.data(), rollback.data, "reason", "commit");
    if (reverted != null) {
      reverted.data.put("status", "rolled_back");
    }
    changes(event, rollback, batchId);
  }

  /** Change nodes for the files an event lists: {@code data.files}, paths or {path} objects. */
  private void changes(ChainedEvent event, Draft batch, String batchId) {
    if (!(event.data().get("files") instanceof List<?> files)) {
      return;
    }
    for (Object file : files) {
      String path = file instanceof Map<?, ?> entry ? text(entry.get("path")) : text(file);
      if (path == null) {
        continue;
      }
      String id = batch.id + "/change/" + path;
      if (nodes.containsKey(id)) {
        continue;
      }
      Draft change = new Draft(id, CHANGE, event.timestamp(), event.actor(), batch.id);
      change.data.put("path", path);
      change.data.put("batchId", batchId);
      if (file instanceof Map<?, ?> entry) {
        entry.forEach(
            (k, v) -> {
              if (!"path".equals(k)) {
                change.data.put(String.valueOf(k), v);
              }
            });
      }
      // The event itself is listed by the batch; a change names it as its source.
      change.data.remove("events");
      change.data.put("event", event.id());
      nodes.put(id, change);
      edges.add(new ProvenanceEdge(batch.id, id, CHANGES, event.id()));
    }
  }

  /** Where a batch belongs: the checkpoint its event names, else execute, else the mission. */
  private Draft containerOf(ChainedEvent event, Draft mission) {
    String named = text(event.data().get("checkpoint"));
    Draft checkpoint = nodes.get(missionId + "/checkpoint/" + (named == null ? "execute" : named));
    return checkpoint != null ? checkpoint : mission;
  }

  /** The node an event of another type belongs to: its batch, its checkpoint or the mission. */
  private Draft owner(ChainedEvent event, Draft mission) {
    String batchId = text(event.data().get("batchId"));
    if (batchId != null && nodes.containsKey(batchNodeId(batchId))) {
      return nodes.get(batchNodeId(batchId));
    }
    String checkpoint = text(event.data().get("checkpoint"));
    if (checkpoint != null && nodes.containsKey(missionId + "/checkpoint/" + checkpoint)) {
      return nodes.get(missionId + "/checkpoint/" + checkpoint);
    }
    return mission;
  }

  private void failOpenCheckpoints(String type) {
    if (EventTypes.MISSION_REJECTED.equals(type)) {
      return;
    }
    for (Draft node : nodes.values()) {
      if (CHECKPOINT.equals(node.type) && "awaiting_approval".equals(node.data.get("status"))) {
        node.data.put("status", "failed");
      }
    }
  }

  private String checkpointIdOf(ChainedEvent event) {
    String name = text(event.data().get("checkpoint"));
    return name == null ? null : missionId + "/checkpoint/" + name;
  }

  private String batchNodeId(String batchId) {
    return missionId + "/batch/" + batchId;
  }

  private ProvenanceGraph graph() {
    List<ProvenanceNode> list = new ArrayList<>();
    for (Draft draft : nodes.values()) {
      list.add(
          new ProvenanceNode(
              draft.id, draft.type, draft.timestamp, draft.actor, draft.parent, draft.data));
    }
    return new ProvenanceGraph(list, edges);
  }

  private static String outcomeOf(String type) {
    return switch (type) {
      case EventTypes.MISSION_COMPLETED -> "completed";
      case EventTypes.MISSION_REJECTED -> "rejected";
      case EventTypes.MISSION_EXPIRED -> "expired";
      default -> "failed";
    };
  }

  private static void copy(Map<String, Object> from, Map<String, Object> to, String... keys) {
    for (String key : keys) {
      if (from.get(key) != null) {
        to.put(key, from.get(key));
      }
    }
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  /** A node while the events are read. */
  private static final class Draft {
    final String id;
    final String type;
    final String timestamp;
    final String actor;
    final String parent;
    final Map<String, Object> data = new LinkedHashMap<>();
    final List<String> events = new ArrayList<>();

    Draft(String id, String type, String timestamp, String actor, String parent) {
      this.id = id;
      this.type = type;
      this.timestamp = timestamp;
      this.actor = actor;
      this.parent = parent;
      data.put("events", events);
    }

    void attach(ChainedEvent event) {
      events.add(event.id());
    }
  }
}
