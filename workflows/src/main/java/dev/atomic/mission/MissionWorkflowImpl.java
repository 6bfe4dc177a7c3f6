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

  /** Change id of the governed orchestration, for {@link Workflow#getVersion}. */
  static final String GOVERNED_CHANGE = "governed-mission";

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

  private sealed interface Command permits Decide, RegisterBatch, Rollback, AttachSpec {}

  private record AttachSpec(ChangeSpecRequest request, CompletablePromise<Mission> reply)
      implements Command {}

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
  private GovernedMission governed;

  @Override
  public Mission run(MissionRequest missionRequest) {
    this.request = missionRequest;
    this.updatedAt = missionRequest.createdAt();
    for (CheckpointName name : CheckpointName.values()) {
      checkpoints.put(name, new CheckpointState(name, actorOf(name)));
    }
    // Missions recorded before governed missions existed replay without this marker.
    int version = Workflow.getVersion(GOVERNED_CHANGE, Workflow.DEFAULT_VERSION, 1);
    if (version >= 1 && missionRequest.governed() != null) {
      governed = new GovernedMission(this, missionRequest.missionId(), missionRequest.governed());
    }
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("title", request.title());
    created.put("risk", request.risk().wire());
    if (governed != null) {
      created.put("repository", missionRequest.governed().repository());
      if (missionRequest.governed().changeSpec() != null) {
        created.put("changeSpec", missionRequest.governed().changeSpec().id());
      }
      created.put("batchSize", missionRequest.governed().batchSize());
    }
    event(EventTypes.MISSION_CREATED, request.requestedBy(), governed == null ? Map.of("title", request.title(), "risk", request.risk().wire()) : created);
    if (governed == null) {
      open(CheckpointName.PLAN, MissionStatus.AWAITING_APPROVAL);
      persist("Mission created");
      approveLowRiskPlan();
    } else {
      checkpoints.get(CheckpointName.PLAN).status = CheckpointStatus.RUNNING;
      persist("Mission created");
      if (governed.hasSpec()) {
        planGoverned();
      } else {
        // The plan waits for PUT /missions/{id}/changespec, as long as a decision may wait.
        decisionDeadlineMillis = Workflow.currentTimeMillis() + request.approvalTimeoutSeconds() * 1000L;
        Workflow.setCurrentDetails("waiting for a ChangeSpec");
      }
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
  public Mission attachChangeSpec(ChangeSpecRequest changeSpec) {
    CompletablePromise<Mission> reply = Workflow.newPromise();
    inbox.add(new AttachSpec(changeSpec, reply));
    return reply.get();
  }

  @Override
  public void validateChangeSpec(ChangeSpecRequest changeSpec) {
    MissionFailures.Refusal problem = changeSpecProblem(changeSpec);
    if (problem != null) {
      throw problem;
    }
  }

  private MissionFailures.Refusal changeSpecProblem(ChangeSpecRequest changeSpec) {
    if (request == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (governed == null) {
      return MissionFailures.wrongState(
          "mission " + request.missionId() + " is a ledger mission (no repository); it takes no ChangeSpec");
    }
    if (governed.hasSpec()) {
      return MissionFailures.wrongState("mission " + request.missionId() + " already has its ChangeSpec");
    }
    if (status.isFinished()) {
      return MissionFailures.wrongState("mission " + request.missionId() + " is " + status.wire());
    }
    if (changeSpec == null || changeSpec.changeSpec() == null) {
      return MissionFailures.wrongState("a ChangeSpec is required");
    }
    return null;
  }

  private void attachSpec(ChangeSpecRequest changeSpec, CompletablePromise<Mission> reply) {
    MissionFailures.Refusal problem = changeSpecProblem(changeSpec);
    if (problem != null) {
      reply.completeExceptionally(problem.toFailure());
      return;
    }
    governed.attach(changeSpec.changeSpec());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", CheckpointName.PLAN.wire());
    data.put("changeSpec", changeSpec.changeSpec().id());
    event(EventTypes.CHANGESPEC_ATTACHED, actorName(changeSpec.actor()), data);
    persist("ChangeSpec " + changeSpec.changeSpec().id() + " attached");
    reply.complete(snapshot());
    planGoverned();
  }

  /** Plans a governed mission; then the plan awaits approval (a low-risk one by policy). */
  private void planGoverned() {
    if (!governed.plan()) {
      return;
    }
    Workflow.setCurrentDetails("plan awaits approval");
    open(CheckpointName.PLAN, MissionStatus.AWAITING_APPROVAL);
    persist("plan ready for approval");
    approveLowRiskPlan();
  }

  private void approveLowRiskPlan() {
    if (request.risk() == Risk.LOW && request.autoApproveLowRisk()) {
      decide(
          new CheckpointDecisionRequest(
              CheckpointName.PLAN.wire(), Verdict.APPROVED, "policy", "low-risk plan approved by policy"),
          null);
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
    } else if (command instanceof AttachSpec a) {
      attachSpec(a.request(), a.reply());
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
      if (governed != null) {
        // The caller learns at once that the decision counts; the work it starts takes longer.
        persist(name.wire() + " approved by " + actor);
        if (reply != null) {
          reply.complete(snapshot());
        }
        advanceAfter(name);
        persist(status.wire() + " after " + name.wire() + " approved");
        return;
      }
      advanceAfter(name);
    } else {
      checkpoint.status = CheckpointStatus.REJECTED;
      event(EventTypes.CHECKPOINT_REJECTED, actor, data);
      if (governed != null) {
        persist(name.wire() + " rejected by " + actor);
        governed.compensate("checkpoint " + name.wire() + " rejected by " + actor, null);
      }
      finish(MissionStatus.REJECTED, "checkpoint " + name.wire() + " rejected by " + actor);
    }
    persist(name.wire() + " " + decision.verdict().wire() + " by " + actor);
    if (reply != null) {
      reply.complete(snapshot());
    }
  }

  private void advanceAfter(CheckpointName approved) {
    if (governed != null) {
      advanceGoverned(approved);
      return;
    }
    switch (approved) {
      case PLAN -> open(CheckpointName.EXECUTE, MissionStatus.EXECUTING);
      case EXECUTE -> runVerify();
      case VERIFY -> open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
      case FINALIZE -> finish(MissionStatus.COMPLETED, null);
    }
  }

  private void advanceGoverned(CheckpointName approved) {
    switch (approved) {
      case PLAN -> {
        event(EventTypes.CHECKPOINT_OPENED, "platform", Map.of("checkpoint", CheckpointName.EXECUTE.wire()));
        runGovernedExecute("plan approved: executing");
      }
      case EXECUTE -> runGovernedExecute("budget approved: executing again");
      case VERIFY -> open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
      case FINALIZE -> {
        persist("finalize approved: building the audit pack");
        dev.atomic.evidence.AuditPackRef pack;
        try {
          pack = governed.auditPack();
        } catch (io.temporal.failure.ActivityFailure e) {
          governed.releaseBudget();
          failMission("the audit pack could not be built: " + GovernedMission.reason(e),
              Map.of("checkpoint", CheckpointName.FINALIZE.wire()));
          return;
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("sha256", pack.sha256());
        ref.put("bytes", pack.bytes());
        ref.put("keyId", pack.keyId());
        ref.put("events", pack.events());
        ref.put("lastEvent", pack.lastEvent());
        ref.put("download", "/missions/" + request.missionId() + "/audit-pack");
        checkpoints.get(CheckpointName.FINALIZE).auditPack = ref;
        governed.commitBudget();
        Map<String, Object> data = new LinkedHashMap<>(ref);
        data.remove("download");
        event(EventTypes.AUDIT_PACK_GENERATED, "platform", data);
        finish(MissionStatus.COMPLETED, null);
      }
    }
  }

  /** Runs (or resumes) the batches; when all are applied, verifies. */
  private void runGovernedExecute(String summary) {
    CheckpointState execute = checkpoints.get(CheckpointName.EXECUTE);
    execute.status = CheckpointStatus.RUNNING;
    status = MissionStatus.EXECUTING;
    reason = null;
    persist(summary);
    GovernedMission.Outcome outcome = governed.execute();
    if (outcome == GovernedMission.Outcome.DONE) {
      execute.status = CheckpointStatus.COMPLETED;
      runGovernedVerify();
    }
  }

  /** Execute waits for a human: the budget refused or was breached before {@code batchId}. */
  void pauseForBudget(String batchId, String why) {
    reason = "execute paused before " + batchId + ": " + why
        + "; raise the budget (PUT /finops/budgets/mission:" + request.missionId()
        + ") and approve execute to resume, or reject to revert";
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", CheckpointName.EXECUTE.wire());
    data.put("batchId", batchId);
    data.put("reason", why);
    event(EventTypes.BUDGET_BREACHED, "platform", data);
    open(CheckpointName.EXECUTE, MissionStatus.AWAITING_APPROVAL);
    persist("execute paused on the budget");
  }

  /**
   * Verifies the branch head. A pass opens finalize, except for high risk, which waits for a
   * human at verify; a failure waits for a human at verify (reject compensates).
   */
  private void runGovernedVerify() {
    CheckpointState verify = checkpoints.get(CheckpointName.VERIFY);
    verify.status = CheckpointStatus.RUNNING;
    status = MissionStatus.VERIFYING;
    checkpoints.get(CheckpointName.FINALIZE).status = CheckpointStatus.PENDING;
    persist("verifying");
    dev.atomic.dte.VerificationReport report = governed.verify();
    verify.metrics.clear();
    verify.metrics.put("passed", report.success());
    if (report.metrics() != null) {
      verify.metrics.putAll(report.metrics());
    }
    if (!report.errors().isEmpty()) {
      verify.metrics.put("errors", report.errors());
    }
    List<String> failedInvariants = new ArrayList<>();
    report.invariants().stream().filter(i -> !i.passed()).forEach(i -> failedInvariants.add(i.name()));
    verify.metrics.put("invariantsFailed", failedInvariants);
    if (report.mutationReport() != null) {
      verify.metrics.put("mutationThreshold", report.mutationReport().threshold());
      verify.metrics.put("mutantsKilled", report.mutationReport().mutantsKilled());
      verify.metrics.put("mutantsTotal", report.mutationReport().mutantsTotal());
    }
    verify.metrics.putIfAbsent("testsAdded", 0);
    event(EventTypes.VERIFICATION_COMPLETED, "agent", verifyEventData(verify));
    if (!report.success() || request.risk() == Risk.HIGH) {
      open(CheckpointName.VERIFY, MissionStatus.VERIFYING);
    } else {
      verify.status = CheckpointStatus.COMPLETED;
      open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
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
    if (governed != null) {
      rollbackGoverned(rollbackRequest, reply);
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

  private void rollbackGoverned(RollbackRequest rollbackRequest, CompletablePromise<RollbackResult> reply) {
    List<dev.atomic.dte.GitBatches.Reverted> reverted;
    try {
      reverted = governed.rollback(rollbackRequest);
    } catch (io.temporal.failure.ActivityFailure e) {
      reply.completeExceptionally(MissionFailures.wrongState(GovernedMission.reason(e)).toFailure());
      return;
    }
    boolean reverify = governed.verified();
    if (reverify) {
      // A rollback after verify changes what was verified: verify again, deciding nothing
      // until then.
      checkpoints.values().stream()
          .filter(c -> c.status == CheckpointStatus.AWAITING_APPROVAL)
          .forEach(c -> c.status = CheckpointStatus.PENDING);
      checkpoints.get(CheckpointName.VERIFY).status = CheckpointStatus.RUNNING;
      status = MissionStatus.VERIFYING;
    }
    persist("rolled back " + reverted.size() + " batch(es)");
    Batch batch = checkpoints.get(CheckpointName.EXECUTE).batches.get(indexOf(rollbackRequest.batchId()));
    String message =
        reverted.size() == 1
            ? batch.id() + " rolled back"
            : String.join(", ", reverted.stream().map(dev.atomic.dte.GitBatches.Reverted::batchId).toList()) + " rolled back (cascade)";
    reply.complete(new RollbackResult(true, message, batch));
    if (reverify) {
      runGovernedVerify();
      persist("verified again after a rollback");
    }
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
    if (governed != null
        && name.get() == CheckpointName.VERIFY
        && decision.verdict() == Verdict.APPROVED
        && Boolean.FALSE.equals(checkpoint.metrics.get("passed"))) {
      if (request.risk() == Risk.HIGH) {
        return MissionFailures.forbidden(
            "verification failed; a high-risk mission cannot be approved past a failed verification, only rejected");
      }
      if (decision.comment() == null || decision.comment().isBlank()) {
        return MissionFailures.wrongState(
            "verification failed; approving it anyway needs a comment that says why");
      }
    }
    if (request.risk() == Risk.HIGH
        && (name.get() == CheckpointName.PLAN || (governed != null && name.get() == CheckpointName.VERIFY))
        && decision.verdict() == Verdict.APPROVED
        && actorName(decision.actor()).equals(request.requestedBy())) {
      return MissionFailures.forbidden(
          "the " + name.get().wire() + " of a high-risk mission must be approved by someone other than its"
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
    if (governed != null) {
      return MissionFailures.wrongState(
          "mission " + request.missionId() + " is governed: its batches come from its plan, agents register none");
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
    if (governed != null) {
      if (batch.status() != BatchStatus.APPLIED) {
        return MissionFailures.wrongState(batch.id() + " is " + batch.status().wire() + ", not applied; nothing to roll back");
      }
      if (checkpoints.get(CheckpointName.FINALIZE).decision != null || status.isFinished()) {
        return MissionFailures.wrongState(
            "mission " + request.missionId() + " is " + status.wire() + "; batches can be rolled back until finalize is decided");
      }
      List<String> dependents = GovernedMission.dependents(checkpoints.get(CheckpointName.EXECUTE).batches, batch.id());
      if (!dependents.isEmpty() && !rollback.cascade()) {
        return MissionFailures.wrongState(batch.id() + " cannot be rolled back alone: " + String.join(", ", dependents)
            + (dependents.size() == 1 ? " depends" : " depend") + " on it; ask for cascade to roll "
            + (dependents.size() == 1 ? "it" : "them") + " back too, newest first");
      }
      return null;
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
      } else if (command instanceof AttachSpec a) {
        a.reply().completeExceptionally(problem.toFailure());
      }
    }
  }

  private void expire() {
    String waiting =
        governed != null && !governed.hasSpec() ? " (the plan is waiting for a ChangeSpec)" : awaitingHint();
    if (governed != null) {
      governed.compensate("no decision within " + Duration.ofSeconds(request.approvalTimeoutSeconds()) + waiting, null);
    }
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

  // --- what the governed orchestration changes in the mission's state ---

  void record(String type, String actor, Map<String, Object> data) {
    event(type, actor, data);
  }

  void save(String summary) {
    persist(summary);
  }

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
        .filter(c -> c.status == CheckpointStatus.RUNNING || c.status == CheckpointStatus.AWAITING_APPROVAL)
        .forEach(c -> c.status = CheckpointStatus.FAILED);
    status = MissionStatus.FAILED;
    reason = why;
    Map<String, Object> data = new LinkedHashMap<>(details);
    data.put("reason", why);
    event(EventTypes.MISSION_FAILED, "platform", data);
    persist("Mission failed");
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
