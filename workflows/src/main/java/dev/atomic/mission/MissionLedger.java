package dev.atomic.mission;

import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mission's state inside its workflow: the checkpoints with their batches, metrics and artifacts,
 * the mission status, and the evidence events not yet stored. {@link #persist} stores the events
 * and the new snapshot in one activity, so every transition is recorded before the next one starts.
 * Deterministic: time comes from the workflow, ids from the event sequence.
 */
final class MissionLedger {

  /** The activity retries until the database answers: a mission never loses a transition. */
  static final ActivityOptions RECORD_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .build())
          .build();

  final Map<CheckpointName, CheckpointState> checkpoints = new EnumMap<>(CheckpointName.class);
  private final List<EvidenceEvent> pendingEvents = new ArrayList<>();

  final MissionRequest request;
  MissionStatus status = MissionStatus.PLANNING;
  String reason;

  /** When the checkpoint waiting for a decision expires. */
  long decisionDeadlineMillis;

  private String updatedAt;
  private long version;
  private long seq;

  /** Set once the mission failed on unstorable data; see {@link MissionTransition#repairText}. */
  private boolean repairText;

  MissionLedger(MissionRequest request) {
    this.request = request;
    this.updatedAt = request.createdAt();
    for (CheckpointName name : CheckpointName.values()) {
      checkpoints.put(name, new CheckpointState(name, actorOf(name)));
    }
  }

  CheckpointState checkpoint(CheckpointName name) {
    return checkpoints.get(name);
  }

  List<Batch> batches() {
    return checkpoints.get(CheckpointName.EXECUTE).batches;
  }

  String awaitingHint() {
    return checkpoints.values().stream()
        .filter(c -> c.status == CheckpointStatus.AWAITING_APPROVAL)
        .findFirst()
        .map(c -> " (" + c.name.wire() + " is awaiting approval)")
        .orElse("");
  }

  int indexOf(String batchId) {
    List<Batch> batches = checkpoints.get(CheckpointName.EXECUTE).batches;
    for (int i = 0; i < batches.size(); i++) {
      if (batches.get(i).id().equals(batchId)) {
        return i;
      }
    }
    return -1;
  }

  void open(CheckpointName name, MissionStatus missionStatus) {
    checkpoints.get(name).status = CheckpointStatus.AWAITING_APPROVAL;
    status = missionStatus;
    decisionDeadlineMillis =
        Workflow.currentTimeMillis() + request.approvalTimeoutSeconds() * 1000L;
    event(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", name.wire()));
  }

  void finish(MissionStatus finalStatus, String why) {
    status = finalStatus;
    reason = why;
    if (finalStatus == MissionStatus.COMPLETED) {
      event(EventTypes.MISSION_COMPLETED, "platform", Map.of());
    } else if (finalStatus == MissionStatus.REJECTED) {
      event(EventTypes.MISSION_REJECTED, "platform", Map.of("reason", why));
    }
  }

  // --- what the governed orchestration changes ---

  void planArtifacts(List<Map<String, Object>> artifacts) {
    checkpoints.get(CheckpointName.PLAN).artifacts.addAll(artifacts);
  }

  void addBatch(Batch batch) {
    checkpoints.get(CheckpointName.EXECUTE).batches.add(batch);
  }

  void batchApplied(String batchId, String commit) {
    List<Batch> batches = checkpoints.get(CheckpointName.EXECUTE).batches;
    int index = indexOf(batchId);
    batches.set(index, batches.get(index).applied(commit, now()));
  }

  void batchRolledBack(String batchId) {
    List<Batch> batches = checkpoints.get(CheckpointName.EXECUTE).batches;
    int index = indexOf(batchId);
    if (index >= 0) {
      batches.set(index, batches.get(index).rolledBack());
    }
  }

  List<Batch> appliedBatches() {
    return checkpoints.get(CheckpointName.EXECUTE).batches.stream()
        .filter(b -> b.status() == BatchStatus.APPLIED)
        .toList();
  }

  /** Ends the mission as failed, with the reason as evidence; running checkpoints fail too. */
  void failMission(String why, Map<String, Object> details) {
    checkpoints.values().stream()
        .filter(
            c ->
                c.status == CheckpointStatus.RUNNING
                    || c.status == CheckpointStatus.AWAITING_APPROVAL)
        .forEach(c -> c.status = CheckpointStatus.FAILED);
    status = MissionStatus.FAILED;
    reason = why;
    Map<String, Object> data = new LinkedHashMap<>(details);
    data.put("reason", why);
    event(EventTypes.MISSION_FAILED, "platform", data);
    persist("Mission failed");
  }

  void event(String type, String actor, Map<String, Object> data) {
    seq++;
    String missionId = request.missionId();
    pendingEvents.add(
        new EvidenceEvent(
            EvidenceEvent.idFor(missionId, seq),
            missionId,
            seq,
            missionId,
            type,
            actor,
            now(),
            data));
  }

  /**
   * Thrown by {@link #persist} after a transition held data no store can keep: the mission has been
   * recorded {@code failed} with the reason instead, and the workflow ends.
   */
  static final class Unstorable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unstorable(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Stores the events gathered since the last call together with the new snapshot.
   *
   * @throws Unstorable when they held data no store can keep; the mission is then stored {@code
   *     failed}, with the reason as evidence, instead
   */
  void persist(String summary) {
    version++;
    updatedAt = now();
    Mission mission = snapshot();
    MissionActivities activities =
        Workflow.newActivityStub(
            MissionActivities.class,
            ActivityOptions.newBuilder(RECORD_OPTIONS).setSummary(summary).build());
    TransitionOutcome outcome;
    try {
      outcome = activities.recordTransition(transition(mission));
      // Histories from before the outcome existed carry no result: that was a stored transition.
      while (outcome != null && !outcome.recorded() && !pendingEvents.isEmpty()) {
        renumberPendingEvents(outcome.nextSeq());
        outcome = activities.recordTransition(transition(mission));
      }
    } catch (ActivityFailure e) {
      String problem = MissionFailures.unstorable(e);
      if (problem == null || repairText) {
        throw e;
      }
      failUnstorable(problem);
      throw new Unstorable(problem);
    }
    pendingEvents.clear();
    if (request.searchAttributes()) {
      Workflow.upsertTypedSearchAttributes(
          MissionSearchAttributes.STATUS.valueSet(status.wire()),
          MissionSearchAttributes.CHECKPOINT.valueSet(currentCheckpoint().wire()));
    }
  }

  private MissionTransition transition(Mission mission) {
    return repairText
        ? new MissionTransition(mission, version, pendingEvents, true)
        : new MissionTransition(mission, version, pendingEvents);
  }

  /**
   * Ends the mission failed after its transition could not be stored: from now on the activity
   * stores text repaired rather than refusing it ({@link MissionTransition#repairText}), so the
   * transition is stored after all, repaired, followed by the failure with the reason; nothing that
   * happened is left out of the chain. Running and waiting checkpoints fail.
   */
  private void failUnstorable(String problem) {
    List<String> repaired = new ArrayList<>();
    pendingEvents.forEach(e -> repaired.add(e.type()));
    repairText = true;
    String why =
        "data that cannot be stored: "
            + problem
            + " (stored with U+FFFD for each invalid character, cut to its column)";
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("repairedEvents", repaired);
    failMission(why, details);
  }

  /**
   * Moves the events not yet stored to the end of the stream, from {@code nextSeq} on: events
   * recorded outside the workflow (external producers, audit pack exports) took their places. The
   * new positions come from an activity result, so a replay assigns the same ones.
   */
  private void renumberPendingEvents(long nextSeq) {
    long next = Math.max(nextSeq, pendingEvents.get(0).seq() + 1);
    String missionId = request.missionId();
    List<EvidenceEvent> moved = new ArrayList<>();
    for (EvidenceEvent e : pendingEvents) {
      moved.add(
          new EvidenceEvent(
              EvidenceEvent.idFor(missionId, next),
              missionId,
              next,
              e.missionId(),
              e.type(),
              e.actor(),
              e.timestamp(),
              e.data()));
      next++;
    }
    pendingEvents.clear();
    pendingEvents.addAll(moved);
    seq = next - 1;
  }

  /** The checkpoint a reader should look at: the open one, else the last one touched. */
  CheckpointName currentCheckpoint() {
    CheckpointName current = CheckpointName.PLAN;
    for (CheckpointState c : checkpoints.values()) {
      if (c.status == CheckpointStatus.AWAITING_APPROVAL) {
        return c.name;
      }
      if (c.status != CheckpointStatus.PENDING) {
        current = c.name;
      }
    }
    return current;
  }

  Mission snapshot() {
    List<Checkpoint> list = new ArrayList<>();
    for (CheckpointState c : checkpoints.values()) {
      list.add(c.toCheckpoint());
    }
    return new Mission(
        request.missionId(),
        request.title(),
        request.risk(),
        status,
        request.requestedBy(),
        request.createdAt(),
        updatedAt,
        list,
        reason);
  }

  private String actorOf(CheckpointName name) {
    return name == CheckpointName.VERIFY && request.risk() == Risk.HIGH ? "both" : name.actor();
  }

  static Map<String, Object> verifyEventData(CheckpointState verify) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", CheckpointName.VERIFY.wire());
    data.putAll(verify.metrics);
    return data;
  }

  static String actorName(String actor) {
    return actor == null || actor.isBlank() ? "anonymous" : actor;
  }

  static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  /** Mutable state of one checkpoint inside the workflow. */
  static final class CheckpointState {
    final CheckpointName name;
    final String actor;
    CheckpointStatus status = CheckpointStatus.PENDING;
    Decision decision;
    final List<Batch> batches = new ArrayList<>();
    final Map<String, Object> metrics = new LinkedHashMap<>();
    final List<Map<String, Object>> artifacts = new ArrayList<>();
    Map<String, Object> auditPack;

    CheckpointState(CheckpointName name, String actor) {
      this.name = name;
      this.actor = actor;
    }

    Checkpoint toCheckpoint() {
      return new Checkpoint(
          name,
          actor,
          status,
          decision,
          name == CheckpointName.PLAN ? List.copyOf(artifacts) : null,
          name == CheckpointName.EXECUTE ? List.copyOf(batches) : null,
          name == CheckpointName.VERIFY
              ? Collections.unmodifiableMap(new LinkedHashMap<>(metrics))
              : null,
          auditPack);
    }
  }
}
