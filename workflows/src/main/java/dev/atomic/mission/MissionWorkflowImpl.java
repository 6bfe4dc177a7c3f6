package dev.atomic.mission;

import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Ledger-mode mission: checkpoints advance on human or policy decisions, batches are
 * registered by agents. Signals and updates only queue commands; the main loop applies them
 * one at a time, records their evidence and stores the new snapshot, so every transition is
 * persisted before the next one starts.
 */
public class MissionWorkflowImpl implements MissionWorkflow {

  private static final Logger log = Workflow.getLogger(MissionWorkflowImpl.class);

  /** The activity retries until the database answers: a mission never loses a transition. */
  private static final ActivityOptions RECORD_OPTIONS =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .build())
          .build();

  private sealed interface Command permits Decide, RegisterBatch, Rollback {}

  private record Decide(CheckpointDecisionRequest request, CompletablePromise<Mission> reply)
      implements Command {}

  private record RegisterBatch(BatchRequest request, CompletablePromise<Batch> reply)
      implements Command {}

  private record Rollback(RollbackRequest request, CompletablePromise<RollbackResult> reply)
      implements Command {}

  private final Deque<Command> inbox = new ArrayDeque<>();
  private final Map<CheckpointName, CheckpointState> checkpoints =
      new EnumMap<>(CheckpointName.class);
  private final List<EvidenceEvent> pendingEvents = new ArrayList<>();

  private MissionRequest request;
  private MissionStatus status = MissionStatus.PLANNING;
  private String reason;
  private String updatedAt;
  private long version;
  private long seq;
  private long decisionDeadlineMillis;

  @Override
  public Mission run(MissionRequest missionRequest) {
    this.request = missionRequest;
    this.updatedAt = missionRequest.createdAt();
    for (CheckpointName name : CheckpointName.values()) {
      checkpoints.put(name, new CheckpointState(name, actorOf(name)));
    }
    event(
        EventTypes.MISSION_CREATED,
        request.requestedBy(),
        Map.of("title", request.title(), "risk", request.risk().wire()));
    open(CheckpointName.PLAN, MissionStatus.AWAITING_APPROVAL);
    persist("Mission created");

    if (request.risk() == Risk.LOW && request.autoApproveLowRisk()) {
      decide(
          new CheckpointDecisionRequest(
              CheckpointName.PLAN.wire(),
              Verdict.APPROVED,
              "policy",
              "low-risk plan approved by policy"),
          null);
    }

    while (!status.isFinished()) {
      long wait = decisionDeadlineMillis - Workflow.currentTimeMillis();
      boolean arrived =
          wait > 0 && Workflow.await(Duration.ofMillis(wait), () -> !inbox.isEmpty());
      if (!arrived) {
        expire();
        break;
      }
      handle(inbox.poll());
    }
    refuseRemaining();
    return snapshot();
  }

  @Override
  public void approveCheckpoint(CheckpointSignal signal) {
    inbox.add(new Decide(fromSignal(signal, Verdict.APPROVED), null));
  }

  @Override
  public void rejectCheckpoint(CheckpointSignal signal) {
    inbox.add(new Decide(fromSignal(signal, Verdict.REJECTED), null));
  }

  @Override
  public Mission decideCheckpoint(CheckpointDecisionRequest decision) {
    CompletablePromise<Mission> reply = Workflow.newPromise();
    inbox.add(new Decide(decision, reply));
    return reply.get();
  }

  @Override
  public void validateDecision(CheckpointDecisionRequest decision) {
    MissionFailures.Refusal problem = decisionProblem(decision);
    if (problem != null) {
      throw problem;
    }
  }

  @Override
  public Batch registerBatch(BatchRequest batch) {
    CompletablePromise<Batch> reply = Workflow.newPromise();
    inbox.add(new RegisterBatch(batch, reply));
    return reply.get();
  }

  @Override
  public void validateBatch(BatchRequest batch) {
    MissionFailures.Refusal problem = batchProblem();
    if (problem != null) {
      throw problem;
    }
  }

  @Override
  public RollbackResult rollbackBatch(RollbackRequest rollback) {
    CompletablePromise<RollbackResult> reply = Workflow.newPromise();
    inbox.add(new Rollback(rollback, reply));
    return reply.get();
  }

  @Override
  public void validateRollback(RollbackRequest rollback) {
    MissionFailures.Refusal problem = rollbackProblem(rollback);
    if (problem != null) {
      throw problem;
    }
  }

  @Override
  public Mission getMission() {
    return request == null ? null : snapshot();
  }

  private void handle(Command command) {
    if (command instanceof Decide d) {
      decide(d.request(), d.reply());
    } else if (command instanceof RegisterBatch b) {
      registerBatch(b.request(), b.reply());
    } else if (command instanceof Rollback r) {
      rollback(r.request(), r.reply());
    }
  }

  private void decide(CheckpointDecisionRequest decision, CompletablePromise<Mission> reply) {
    MissionFailures.Refusal problem = decisionProblem(decision);
    if (problem != null) {
      refuse(problem, decision.actor(), decision.checkpoint(), reply);
      return;
    }
    CheckpointName name = CheckpointName.parse(decision.checkpoint());
    CheckpointState checkpoint = checkpoints.get(name);
    String actor = actorName(decision.actor());
    checkpoint.decision = new Decision(actor, now(), decision.verdict(), decision.comment());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", name.wire());
    if (decision.comment() != null) {
      data.put("comment", decision.comment());
    }
    if (decision.verdict() == Verdict.APPROVED) {
      checkpoint.status = CheckpointStatus.APPROVED;
      event(EventTypes.CHECKPOINT_APPROVED, actor, data);
      advanceAfter(name);
    } else {
      checkpoint.status = CheckpointStatus.REJECTED;
      event(EventTypes.CHECKPOINT_REJECTED, actor, data);
      finish(MissionStatus.REJECTED, "checkpoint " + name.wire() + " rejected by " + actor);
    }
    persist(name.wire() + " " + decision.verdict().wire() + " by " + actor);
    if (reply != null) {
      reply.complete(snapshot());
    }
  }

  private void advanceAfter(CheckpointName approved) {
    switch (approved) {
      case PLAN -> open(CheckpointName.EXECUTE, MissionStatus.EXECUTING);
      case EXECUTE -> runVerify();
      case VERIFY -> open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
      case FINALIZE -> finish(MissionStatus.COMPLETED, null);
    }
  }

  /**
   * Ledger mode has no ChangeSpec, so there is nothing to verify; that is recorded as such
   * and no figure is reported. A high-risk mission still waits for a human at verify.
   */
  private void runVerify() {
    CheckpointState verify = checkpoints.get(CheckpointName.VERIFY);
    status = MissionStatus.VERIFYING;
    verify.metrics.put("result", "nothing to verify");
    verify.metrics.put("reason", "no ChangeSpec is attached to this mission");
    verify.metrics.put("testsAdded", 0);
    event(EventTypes.VERIFICATION_COMPLETED, "agent", verifyEventData(verify));
    if (request.risk() == Risk.HIGH) {
      open(CheckpointName.VERIFY, MissionStatus.VERIFYING);
    } else {
      verify.status = CheckpointStatus.COMPLETED;
      open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
    }
  }

  private static Map<String, Object> verifyEventData(CheckpointState verify) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", CheckpointName.VERIFY.wire());
    data.putAll(verify.metrics);
    return data;
  }

  private void registerBatch(BatchRequest batchRequest, CompletablePromise<Batch> reply) {
    MissionFailures.Refusal problem = batchProblem();
    if (problem != null) {
      refuse(problem, batchRequest.actor(), CheckpointName.EXECUTE.wire(), reply);
      return;
    }
    CheckpointState execute = checkpoints.get(CheckpointName.EXECUTE);
    Batch batch =
        new Batch(
            "batch-" + (execute.batches.size() + 1),
            true,
            List.of(),
            BatchStatus.REGISTERED,
            batchRequest.description(),
            now());
    execute.batches.add(batch);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("batchId", batch.id());
    if (batch.description() != null) {
      data.put("description", batch.description());
    }
    event(EventTypes.BATCH_REGISTERED, actorName(batchRequest.actor()), data);
    persist("register " + batch.id());
    reply.complete(batch);
  }

  private void rollback(RollbackRequest rollbackRequest, CompletablePromise<RollbackResult> reply) {
    MissionFailures.Refusal problem = rollbackProblem(rollbackRequest);
    if (problem != null) {
      refuse(problem, rollbackRequest.actor(), CheckpointName.EXECUTE.wire(), reply);
      return;
    }
    List<Batch> batches = checkpoints.get(CheckpointName.EXECUTE).batches;
    int index = indexOf(rollbackRequest.batchId());
    Batch rolledBack = batches.get(index).rolledBack();
    batches.set(index, rolledBack);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("batchId", rolledBack.id());
    if (rollbackRequest.reason() != null) {
      data.put("reason", rollbackRequest.reason());
    }
    event(EventTypes.ROLLBACK_APPLIED, actorName(rollbackRequest.actor()), data);
    persist("roll back " + rolledBack.id());
    reply.complete(new RollbackResult(true, rolledBack.id() + " rolled back", rolledBack));
  }

  private MissionFailures.Refusal decisionProblem(CheckpointDecisionRequest decision) {
    if (request == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (decision == null || decision.verdict() == null) {
      return MissionFailures.wrongState("a decision needs a checkpoint and a verdict");
    }
    Optional<CheckpointName> name = checkpointNamed(decision.checkpoint());
    if (name.isEmpty()) {
      return MissionFailures.notFound(
          "Checkpoint not found: '"
              + decision.checkpoint()
              + "'; checkpoints are plan, execute, verify, finalize");
    }
    if (status.isFinished()) {
      return MissionFailures.wrongState(
          "mission " + request.missionId() + " is " + status.wire() + "; it takes no decisions");
    }
    CheckpointState checkpoint = checkpoints.get(name.get());
    if (checkpoint.status != CheckpointStatus.AWAITING_APPROVAL) {
      return MissionFailures.wrongState(
          "checkpoint "
              + name.get().wire()
              + " is "
              + checkpoint.status.wire()
              + ", not awaiting_approval"
              + awaitingHint());
    }
    if (request.risk() == Risk.HIGH
        && name.get() == CheckpointName.PLAN
        && decision.verdict() == Verdict.APPROVED
        && actorName(decision.actor()).equals(request.requestedBy())) {
      return MissionFailures.forbidden(
          "the plan of a high-risk mission must be approved by someone other than its"
              + " requester ("
              + request.requestedBy()
              + ")");
    }
    return null;
  }

  private MissionFailures.Refusal batchProblem() {
    if (request == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (checkpoints.get(CheckpointName.EXECUTE).status != CheckpointStatus.AWAITING_APPROVAL) {
      return MissionFailures.wrongState(
          "batches can be registered only while execute is open; mission "
              + request.missionId()
              + " is "
              + status.wire()
              + awaitingHint());
    }
    return null;
  }

  private MissionFailures.Refusal rollbackProblem(RollbackRequest rollback) {
    if (request == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (rollback == null || indexOf(rollback.batchId()) < 0) {
      return MissionFailures.notFound(
          "Batch not found: '" + (rollback == null ? null : rollback.batchId()) + "'");
    }
    Batch batch = checkpoints.get(CheckpointName.EXECUTE).batches.get(indexOf(rollback.batchId()));
    if (batch.status() == BatchStatus.ROLLED_BACK) {
      return MissionFailures.wrongState(batch.id() + " is already rolled back");
    }
    if (!batch.reversible()) {
      return MissionFailures.wrongState(batch.id() + " is not reversible");
    }
    if (status.isFinished()) {
      return MissionFailures.wrongState(
          "mission " + request.missionId() + " is " + status.wire() + "; nothing can be rolled back");
    }
    return null;
  }

  private String awaitingHint() {
    return checkpoints.values().stream()
        .filter(c -> c.status == CheckpointStatus.AWAITING_APPROVAL)
        .findFirst()
        .map(c -> " (" + c.name.wire() + " is awaiting approval)")
        .orElse("");
  }

  private int indexOf(String batchId) {
    List<Batch> batches = checkpoints.get(CheckpointName.EXECUTE).batches;
    for (int i = 0; i < batches.size(); i++) {
      if (batches.get(i).id().equals(batchId)) {
        return i;
      }
    }
    return -1;
  }

  /** A command that no longer fits: an update learns why, a signal is recorded as ignored. */
  private void refuse(
      MissionFailures.Refusal problem, String actor, String checkpoint, CompletablePromise<?> reply) {
    if (reply != null) {
      reply.completeExceptionally(problem.toFailure());
      return;
    }
    log.info("ignoring signal for {}: {}", checkpoint, problem.getMessage());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", String.valueOf(checkpoint));
    data.put("reason", problem.getMessage());
    event(EventTypes.SIGNAL_IGNORED, actorName(actor), data);
    persist("ignored signal for " + checkpoint);
  }

  private void refuseRemaining() {
    while (!inbox.isEmpty()) {
      Command command = inbox.poll();
      MissionFailures.Refusal problem =
          MissionFailures.wrongState(
              "mission " + request.missionId() + " is " + status.wire() + "; request not applied");
      if (command instanceof Decide d) {
        refuse(problem, d.request().actor(), d.request().checkpoint(), d.reply());
      } else if (command instanceof RegisterBatch b) {
        b.reply().completeExceptionally(problem.toFailure());
      } else if (command instanceof Rollback r) {
        r.reply().completeExceptionally(problem.toFailure());
      }
    }
  }

  private void expire() {
    String waiting = awaitingHint();
    checkpoints.values().stream()
        .filter(c -> c.status == CheckpointStatus.AWAITING_APPROVAL)
        .forEach(c -> c.status = CheckpointStatus.FAILED);
    finish(
        MissionStatus.EXPIRED,
        "no decision within " + Duration.ofSeconds(request.approvalTimeoutSeconds()) + waiting);
    event(EventTypes.MISSION_EXPIRED, "platform", Map.of("reason", reason));
    persist("Mission expired");
  }

  private void open(CheckpointName name, MissionStatus missionStatus) {
    checkpoints.get(name).status = CheckpointStatus.AWAITING_APPROVAL;
    status = missionStatus;
    decisionDeadlineMillis =
        Workflow.currentTimeMillis() + request.approvalTimeoutSeconds() * 1000L;
    event(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", name.wire()));
  }

  private void finish(MissionStatus finalStatus, String why) {
    status = finalStatus;
    reason = why;
    if (finalStatus == MissionStatus.COMPLETED) {
      event(EventTypes.MISSION_COMPLETED, "platform", Map.of());
    } else if (finalStatus == MissionStatus.REJECTED) {
      event(EventTypes.MISSION_REJECTED, "platform", Map.of("reason", why));
    }
  }

  private void event(String type, String actor, Map<String, Object> data) {
    seq++;
    String missionId = request.missionId();
    pendingEvents.add(
        new EvidenceEvent(
            EvidenceEvent.idFor(missionId, seq), missionId, seq, missionId, type, actor, now(), data));
  }

  /** Stores the events gathered since the last call together with the new snapshot. */
  private void persist(String summary) {
    version++;
    updatedAt = now();
    Mission mission = snapshot();
    MissionActivities activities =
        Workflow.newActivityStub(
            MissionActivities.class,
            ActivityOptions.newBuilder(RECORD_OPTIONS).setSummary(summary).build());
    TransitionOutcome outcome =
        activities.recordTransition(new MissionTransition(mission, version, pendingEvents));
    // Histories from before the outcome existed carry no result: that was a stored transition.
    while (outcome != null && !outcome.recorded() && !pendingEvents.isEmpty()) {
      renumberPendingEvents(outcome.nextSeq());
      outcome = activities.recordTransition(new MissionTransition(mission, version, pendingEvents));
    }
    pendingEvents.clear();
    if (request.searchAttributes()) {
      Workflow.upsertTypedSearchAttributes(
          MissionSearchAttributes.STATUS.valueSet(status.wire()),
          MissionSearchAttributes.CHECKPOINT.valueSet(currentCheckpoint().wire()));
    }
  }

  /**
   * Moves the events not yet stored to the end of the stream, from {@code nextSeq} on: events
   * recorded outside the workflow (external producers, audit pack exports) took their places.
   * The new positions come from an activity result, so a replay assigns the same ones.
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
  private CheckpointName currentCheckpoint() {
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

  private Mission snapshot() {
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

  private static CheckpointDecisionRequest fromSignal(CheckpointSignal signal, Verdict verdict) {
    return signal == null
        ? new CheckpointDecisionRequest(null, verdict, null, null)
        : new CheckpointDecisionRequest(
            signal.checkpoint(), verdict, signal.actor(), signal.comment());
  }

  private static Optional<CheckpointName> checkpointNamed(String text) {
    for (CheckpointName name : CheckpointName.values()) {
      if (name.wire().equals(text)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private static String actorName(String actor) {
    return actor == null || actor.isBlank() ? "anonymous" : actor;
  }

  private static String now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
  }

  /** Mutable state of one checkpoint inside the workflow. */
  private static final class CheckpointState {
    final CheckpointName name;
    final String actor;
    CheckpointStatus status = CheckpointStatus.PENDING;
    Decision decision;
    final List<Batch> batches = new ArrayList<>();
    final Map<String, Object> metrics = new LinkedHashMap<>();

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
          name == CheckpointName.PLAN ? List.of() : null,
          name == CheckpointName.EXECUTE ? List.copyOf(batches) : null,
          name == CheckpointName.VERIFY
              ? Collections.unmodifiableMap(new LinkedHashMap<>(metrics))
              : null,
          null);
    }
  }
}
