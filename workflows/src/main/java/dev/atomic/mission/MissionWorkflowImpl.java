package dev.atomic.mission;

import dev.atomic.evidence.EventTypes;
import dev.atomic.identity.DecisionTokens;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.CompletablePromise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * One mission: checkpoints advance on human or policy decisions. Signals and updates only queue
 * commands; the main loop applies them one at a time, and each transition is recorded in the {@link
 * MissionLedger} before the next one starts. In ledger mode agents register batches; a governed
 * mission's work (plan, batches, verification, audit pack, compensation) is orchestrated by {@link
 * GovernedMission}.
 */
public class MissionWorkflowImpl implements MissionWorkflow {

  private static final Logger log = Workflow.getLogger(MissionWorkflowImpl.class);

  /** Change id of the governed orchestration, for {@link Workflow#getVersion}. */
  static final String GOVERNED_CHANGE = "governed-mission";

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
  private MissionLedger ledger;

  /** The command being applied, answered with a refusal if the mission fails meanwhile. */
  private Command current;

  private GovernedMission governed;

  @Override
  public Mission run(MissionRequest missionRequest) {
    ledger = new MissionLedger(missionRequest);
    try {
      return govern(missionRequest);
    } catch (MissionLedger.Unstorable e) {
      // The mission is recorded failed with the reason; what was asked meanwhile is refused.
      log.warn("mission {} failed: {}", missionRequest.missionId(), e.getMessage());
      // A caller waiting on the command being applied gets the refusal; a signal has no caller.
      if (current != null && !(current instanceof Decide d && d.reply() == null)) {
        inbox.addFirst(current);
      }
      current = null;
      refuseRemaining();
      return ledger.snapshot();
    }
  }

  private Mission govern(MissionRequest missionRequest) {
    // Missions recorded before governed missions existed replay without this marker.
    int version = Workflow.getVersion(GOVERNED_CHANGE, Workflow.DEFAULT_VERSION, 1);
    if (version >= 1 && missionRequest.governed() != null) {
      governed = new GovernedMission(ledger, missionRequest.governed());
    }
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("title", ledger.request.title());
    created.put("risk", ledger.request.risk().wire());
    if (governed != null) {
      created.put("repository", missionRequest.governed().repository());
      if (missionRequest.governed().changeSpec() != null) {
        created.put("changeSpec", missionRequest.governed().changeSpec().id());
      }
      created.put("batchSize", missionRequest.governed().batchSize());
    }
    ledger.event(
        EventTypes.MISSION_CREATED,
        ledger.request.requestedBy(),
        governed == null
            ? Map.of("title", ledger.request.title(), "risk", ledger.request.risk().wire())
            : created);
    if (governed == null) {
      ledger.open(CheckpointName.PLAN, MissionStatus.AWAITING_APPROVAL);
      ledger.persist("Mission created");
      approveLowRiskPlan();
    } else {
      ledger.checkpoints.get(CheckpointName.PLAN).status = CheckpointStatus.RUNNING;
      ledger.persist("Mission created");
      if (governed.hasSpec()) {
        planGoverned();
      } else {
        // The plan waits for PUT /missions/{id}/changespec, as long as a decision may wait.
        ledger.decisionDeadlineMillis =
            Workflow.currentTimeMillis() + ledger.request.approvalTimeoutSeconds() * 1000L;
        Workflow.setCurrentDetails("waiting for a ChangeSpec");
      }
    }

    while (!ledger.status.isFinished()) {
      long wait = ledger.decisionDeadlineMillis - Workflow.currentTimeMillis();
      boolean arrived = wait > 0 && Workflow.await(Duration.ofMillis(wait), () -> !inbox.isEmpty());
      if (!arrived) {
        expire();
        break;
      }
      current = inbox.poll();
      handle(current);
      current = null;
    }
    refuseRemaining();
    return ledger.snapshot();
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
    return queued(reply -> new Decide(decision, reply));
  }

  @Override
  public void validateDecision(CheckpointDecisionRequest decision) {
    refuseIf(decisionProblem(decision));
  }

  @Override
  public Batch registerBatch(BatchRequest batch) {
    return queued(reply -> new RegisterBatch(batch, reply));
  }

  @Override
  public void validateBatch(BatchRequest batch) {
    refuseIf(batchProblem());
  }

  @Override
  public RollbackResult rollbackBatch(RollbackRequest rollback) {
    return queued(reply -> new Rollback(rollback, reply));
  }

  @Override
  public void validateRollback(RollbackRequest rollback) {
    refuseIf(rollbackProblem(rollback));
  }

  @Override
  public Mission attachChangeSpec(ChangeSpecRequest changeSpec) {
    return queued(reply -> new AttachSpec(changeSpec, reply));
  }

  @Override
  public void validateChangeSpec(ChangeSpecRequest changeSpec) {
    refuseIf(changeSpecProblem(changeSpec));
  }

  private MissionFailures.Refusal changeSpecProblem(ChangeSpecRequest changeSpec) {
    if (ledger == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (governed == null) {
      return MissionFailures.wrongState(
          "mission "
              + ledger.request.missionId()
              + " is a ledger mission (no repository); it takes no ChangeSpec");
    }
    if (governed.hasSpec()) {
      return MissionFailures.wrongState(
          "mission " + ledger.request.missionId() + " already has its ChangeSpec");
    }
    if (ledger.status.isFinished()) {
      return MissionFailures.wrongState(
          "mission " + ledger.request.missionId() + " is " + ledger.status.wire());
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
    ledger.event(EventTypes.CHANGESPEC_ATTACHED, ledger.actorName(changeSpec.actor()), data);
    ledger.persist("ChangeSpec " + changeSpec.changeSpec().id() + " attached");
    reply.complete(ledger.snapshot());
    planGoverned();
  }

  /** Plans a governed mission; then the plan awaits approval (a low-risk one by policy). */
  private void planGoverned() {
    if (!governed.plan()) {
      return;
    }
    Workflow.setCurrentDetails("plan awaits approval");
    ledger.open(CheckpointName.PLAN, MissionStatus.AWAITING_APPROVAL);
    ledger.persist("plan ready for approval");
    approveLowRiskPlan();
  }

  private void approveLowRiskPlan() {
    if (ledger.request.risk() == Risk.LOW && ledger.request.autoApproveLowRisk()) {
      decide(
          new CheckpointDecisionRequest(
              CheckpointName.PLAN.wire(),
              Verdict.APPROVED,
              "policy",
              "low-risk plan approved by policy"),
          null,
          false);
    }
  }

  /** Queues an update's command; the main loop completes the reply once it has applied it. */
  private <T> T queued(java.util.function.Function<CompletablePromise<T>, Command> command) {
    CompletablePromise<T> reply = Workflow.newPromise();
    inbox.add(command.apply(reply));
    return reply.get();
  }

  /** A validator's answer: the refusal, thrown before anything is written, or nothing. */
  private static void refuseIf(MissionFailures.Refusal problem) {
    if (problem != null) {
      throw problem;
    }
  }

  @Override
  public Mission getMission() {
    return ledger == null ? null : ledger.snapshot();
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

  private void decide(CheckpointDecisionRequest claimed, CompletablePromise<Mission> reply) {
    decide(claimed, reply, ledger.request.requiresDecisionTokens());
  }

  /**
   * Applies a decision; with {@code verifyToken}, only once its token is redeemed, as the token's
   * holder. The workflow's own decisions (the low-risk policy) carry no token.
   */
  private void decide(
      CheckpointDecisionRequest claimed, CompletablePromise<Mission> reply, boolean verifyToken) {
    CheckpointDecisionRequest decision = claimed;
    MissionFailures.Refusal problem = decisionProblem(decision);
    if (problem != null) {
      refuse(problem, decision.actor(), decision.checkpoint(), reply);
      return;
    }
    if (verifyToken) {
      DecisionTokens.Redemption redemption = redeem(decision);
      if (!redemption.valid()) {
        refuse(
            MissionFailures.forbidden(
                "decision not counted: "
                    + redemption.refusal()
                    + (decision.actor() == null
                        ? ""
                        : " (claimed actor: " + decision.actor() + ")")),
            "unverified",
            decision.checkpoint(),
            reply);
        return;
      }
      // From here on the decision is the token holder's, whatever the caller claimed.
      decision =
          new CheckpointDecisionRequest(
              decision.checkpoint(), decision.verdict(), redemption.actor(), decision.comment());
      problem = decisionProblem(decision);
      if (problem != null) {
        refuse(problem, decision.actor(), decision.checkpoint(), reply);
        return;
      }
    }
    CheckpointName name = CheckpointName.parse(decision.checkpoint());
    MissionLedger.CheckpointState checkpoint = ledger.checkpoints.get(name);
    String actor = ledger.actorName(decision.actor());
    checkpoint.decision = new Decision(actor, ledger.now(), decision.verdict(), decision.comment());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", name.wire());
    if (decision.comment() != null) {
      data.put("comment", decision.comment());
    }
    if (decision.verdict() == Verdict.APPROVED) {
      checkpoint.status = CheckpointStatus.APPROVED;
      ledger.event(EventTypes.CHECKPOINT_APPROVED, actor, data);
      if (governed != null) {
        // The caller learns at once that the decision counts; the work it starts takes longer.
        ledger.persist(name.wire() + " approved by " + actor);
        if (reply != null) {
          reply.complete(ledger.snapshot());
        }
        advanceAfter(name);
        ledger.persist(ledger.status.wire() + " after " + name.wire() + " approved");
        return;
      }
      advanceAfter(name);
    } else {
      checkpoint.status = CheckpointStatus.REJECTED;
      ledger.event(EventTypes.CHECKPOINT_REJECTED, actor, data);
      if (governed != null) {
        ledger.persist(name.wire() + " rejected by " + actor);
        governed.compensate("checkpoint " + name.wire() + " rejected by " + actor, null);
      }
      ledger.finish(MissionStatus.REJECTED, "checkpoint " + name.wire() + " rejected by " + actor);
    }
    ledger.persist(name.wire() + " " + decision.verdict().wire() + " by " + actor);
    if (reply != null) {
      reply.complete(ledger.snapshot());
    }
  }

  private void advanceAfter(CheckpointName approved) {
    if (governed != null) {
      governed.advance(approved);
      return;
    }
    switch (approved) {
      case PLAN -> ledger.open(CheckpointName.EXECUTE, MissionStatus.EXECUTING);
      case EXECUTE -> runVerify();
      case VERIFY -> ledger.open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
      case FINALIZE -> ledger.finish(MissionStatus.COMPLETED, null);
    }
  }

  /**
   * Ledger mode has no ChangeSpec, so there is nothing to verify; that is recorded as such and no
   * figure is reported. A high-risk mission still waits for a human at verify.
   */
  private void runVerify() {
    MissionLedger.CheckpointState verify = ledger.checkpoints.get(CheckpointName.VERIFY);
    ledger.status = MissionStatus.VERIFYING;
    verify.metrics.put("result", "nothing to verify");
    verify.metrics.put("reason", "no ChangeSpec is attached to this mission");
    verify.metrics.put("testsAdded", 0);
    ledger.event(EventTypes.VERIFICATION_COMPLETED, "agent", ledger.verifyEventData(verify));
    if (ledger.request.risk() == Risk.HIGH) {
      ledger.open(CheckpointName.VERIFY, MissionStatus.VERIFYING);
    } else {
      verify.status = CheckpointStatus.COMPLETED;
      ledger.open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
    }
  }

  private void registerBatch(BatchRequest batchRequest, CompletablePromise<Batch> reply) {
    MissionFailures.Refusal problem = batchProblem();
    if (problem != null) {
      refuse(problem, batchRequest.actor(), CheckpointName.EXECUTE.wire(), reply);
      return;
    }
    MissionLedger.CheckpointState execute = ledger.checkpoints.get(CheckpointName.EXECUTE);
    Batch batch =
        new Batch(
            "batch-" + (execute.batches.size() + 1),
            true,
            List.of(),
            BatchStatus.REGISTERED,
            batchRequest.description(),
            ledger.now());
    execute.batches.add(batch);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("batchId", batch.id());
    if (batch.description() != null) {
      data.put("description", batch.description());
    }
    ledger.event(EventTypes.BATCH_REGISTERED, ledger.actorName(batchRequest.actor()), data);
    ledger.persist("register " + batch.id());
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
    List<Batch> batches = ledger.checkpoints.get(CheckpointName.EXECUTE).batches;
    int index = ledger.indexOf(rollbackRequest.batchId());
    Batch rolledBack = batches.get(index).rolledBack();
    batches.set(index, rolledBack);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("batchId", rolledBack.id());
    if (rollbackRequest.reason() != null) {
      data.put("reason", rollbackRequest.reason());
    }
    ledger.event(EventTypes.ROLLBACK_APPLIED, ledger.actorName(rollbackRequest.actor()), data);
    ledger.persist("roll back " + rolledBack.id());
    reply.complete(new RollbackResult(true, rolledBack.id() + " rolled back", rolledBack));
  }

  private void rollbackGoverned(
      RollbackRequest rollbackRequest, CompletablePromise<RollbackResult> reply) {
    List<dev.atomic.dte.git.GitBatches.Reverted> reverted;
    try {
      reverted = governed.rollback(rollbackRequest);
    } catch (io.temporal.failure.ActivityFailure e) {
      reply.completeExceptionally(
          MissionFailures.wrongState(GovernedMission.reason(e)).toFailure());
      return;
    }
    boolean reverify = governed.verified();
    if (reverify) {
      // A rollback after verify changes what was verified: verify again, deciding nothing
      // until then.
      ledger.checkpoints.values().stream()
          .filter(c -> c.status == CheckpointStatus.AWAITING_APPROVAL)
          .forEach(c -> c.status = CheckpointStatus.PENDING);
      ledger.checkpoints.get(CheckpointName.VERIFY).status = CheckpointStatus.RUNNING;
      ledger.status = MissionStatus.VERIFYING;
    }
    ledger.persist("rolled back " + reverted.size() + " batch(es)");
    Batch batch =
        ledger
            .checkpoints
            .get(CheckpointName.EXECUTE)
            .batches
            .get(ledger.indexOf(rollbackRequest.batchId()));
    String message =
        reverted.size() == 1
            ? batch.id() + " rolled back"
            : String.join(
                    ", ",
                    reverted.stream().map(dev.atomic.dte.git.GitBatches.Reverted::batchId).toList())
                + " rolled back (cascade)";
    reply.complete(new RollbackResult(true, message, batch));
    if (reverify) {
      governed.verifyAndOpen();
      ledger.persist("verified again after a rollback");
    }
  }

  private MissionFailures.Refusal decisionProblem(CheckpointDecisionRequest decision) {
    if (ledger == null) {
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
    if (ledger.status.isFinished()) {
      return MissionFailures.wrongState(
          "mission "
              + ledger.request.missionId()
              + " is "
              + ledger.status.wire()
              + "; it takes no decisions");
    }
    MissionLedger.CheckpointState checkpoint = ledger.checkpoints.get(name.get());
    if (checkpoint.status != CheckpointStatus.AWAITING_APPROVAL) {
      return MissionFailures.wrongState(
          "checkpoint "
              + name.get().wire()
              + " is "
              + checkpoint.status.wire()
              + ", not awaiting_approval"
              + ledger.awaitingHint());
    }
    if (governed != null
        && name.get() == CheckpointName.VERIFY
        && decision.verdict() == Verdict.APPROVED
        && Boolean.FALSE.equals(checkpoint.metrics.get("passed"))) {
      if (ledger.request.risk() == Risk.HIGH) {
        return MissionFailures.forbidden(
            "verification failed; a high-risk mission cannot be approved past a failed verification, only rejected");
      }
      if (decision.comment() == null || decision.comment().isBlank()) {
        return MissionFailures.wrongState(
            "verification failed; approving it anyway needs a comment that says why");
      }
    }
    if (ledger.request.risk() == Risk.HIGH
        && (name.get() == CheckpointName.PLAN
            || (governed != null && name.get() == CheckpointName.VERIFY))
        && decision.verdict() == Verdict.APPROVED
        && ledger.actorName(decision.actor()).equals(ledger.request.requestedBy())) {
      return MissionFailures.forbidden(
          "the "
              + name.get().wire()
              + " of a high-risk mission must be approved by someone other than its"
              + " requester ("
              + ledger.request.requestedBy()
              + ")");
    }
    return null;
  }

  private MissionFailures.Refusal batchProblem() {
    if (ledger == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (governed != null) {
      return MissionFailures.wrongState(
          "mission "
              + ledger.request.missionId()
              + " is governed: its batches come from its plan, agents register none");
    }
    if (ledger.checkpoints.get(CheckpointName.EXECUTE).status
        != CheckpointStatus.AWAITING_APPROVAL) {
      return MissionFailures.wrongState(
          "batches can be registered only while execute is open; mission "
              + ledger.request.missionId()
              + " is "
              + ledger.status.wire()
              + ledger.awaitingHint());
    }
    return null;
  }

  private MissionFailures.Refusal rollbackProblem(RollbackRequest rollback) {
    if (ledger == null) {
      return null; // validated again by the main loop once the mission has started
    }
    if (rollback == null || ledger.indexOf(rollback.batchId()) < 0) {
      return MissionFailures.notFound(
          "Batch not found: '" + (rollback == null ? null : rollback.batchId()) + "'");
    }
    Batch batch =
        ledger
            .checkpoints
            .get(CheckpointName.EXECUTE)
            .batches
            .get(ledger.indexOf(rollback.batchId()));
    if (batch.status() == BatchStatus.ROLLED_BACK) {
      return MissionFailures.wrongState(batch.id() + " is already rolled back");
    }
    if (governed != null) {
      if (batch.status() != BatchStatus.APPLIED) {
        return MissionFailures.wrongState(
            batch.id() + " is " + batch.status().wire() + ", not applied; nothing to roll back");
      }
      if (ledger.checkpoints.get(CheckpointName.FINALIZE).decision != null
          || ledger.status.isFinished()) {
        return MissionFailures.wrongState(
            "mission "
                + ledger.request.missionId()
                + " is "
                + ledger.status.wire()
                + "; batches can be rolled back until finalize is decided");
      }
      List<String> dependents =
          GovernedMission.dependents(
              ledger.checkpoints.get(CheckpointName.EXECUTE).batches, batch.id());
      if (!dependents.isEmpty() && !rollback.cascade()) {
        return MissionFailures.wrongState(
            batch.id()
                + " cannot be rolled back alone: "
                + String.join(", ", dependents)
                + (dependents.size() == 1 ? " depends" : " depend")
                + " on it; ask for cascade to roll "
                + (dependents.size() == 1 ? "it" : "them")
                + " back too, newest first");
      }
      return null;
    }
    if (!batch.reversible()) {
      return MissionFailures.wrongState(batch.id() + " is not reversible");
    }
    if (ledger.status.isFinished()) {
      return MissionFailures.wrongState(
          "mission "
              + ledger.request.missionId()
              + " is "
              + ledger.status.wire()
              + "; nothing can be rolled back");
    }
    return null;
  }

  /** A command that no longer fits: an update learns why, a signal is recorded as ignored. */
  private void refuse(
      MissionFailures.Refusal problem,
      String actor,
      String checkpoint,
      CompletablePromise<?> reply) {
    if (reply != null) {
      reply.completeExceptionally(problem.toFailure());
      return;
    }
    log.info("ignoring signal for {}: {}", checkpoint, problem.getMessage());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", String.valueOf(checkpoint));
    data.put("reason", problem.getMessage());
    ledger.event(EventTypes.SIGNAL_IGNORED, ledger.actorName(actor), data);
    ledger.persist("ignored signal for " + checkpoint);
  }

  private void refuseRemaining() {
    while (!inbox.isEmpty()) {
      Command command = inbox.poll();
      MissionFailures.Refusal problem =
          MissionFailures.wrongState(
              "mission "
                  + ledger.request.missionId()
                  + " is "
                  + ledger.status.wire()
                  + "; request not applied");
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
        governed != null && !governed.hasSpec()
            ? " (the plan is waiting for a ChangeSpec)"
            : ledger.awaitingHint();
    if (governed != null) {
      governed.compensate(
          "no decision within "
              + Duration.ofSeconds(ledger.request.approvalTimeoutSeconds())
              + waiting,
          null);
    }
    ledger.checkpoints.values().stream()
        .filter(c -> c.status == CheckpointStatus.AWAITING_APPROVAL)
        .forEach(c -> c.status = CheckpointStatus.FAILED);
    ledger.finish(
        MissionStatus.EXPIRED,
        "no decision within "
            + Duration.ofSeconds(ledger.request.approvalTimeoutSeconds())
            + waiting);
    ledger.event(EventTypes.MISSION_EXPIRED, "platform", Map.of("reason", ledger.reason));
    ledger.persist("Mission expired");
  }

  /** Redeems the decision's token through an activity, so that replay stays deterministic. */
  private DecisionTokens.Redemption redeem(CheckpointDecisionRequest decision) {
    MissionActivities activities =
        Workflow.newActivityStub(
            MissionActivities.class,
            ActivityOptions.newBuilder(MissionLedger.RECORD_OPTIONS)
                .setSummary("check the decision token for " + decision.checkpoint())
                .build());
    return activities.redeemDecisionToken(
        new DecisionTokenRedemption(
            ledger.request.missionId(),
            decision.checkpoint(),
            decision.verdict().wire(),
            decision.token(),
            Workflow.randomUUID().toString()));
  }

  private static CheckpointDecisionRequest fromSignal(CheckpointSignal signal, Verdict verdict) {
    return signal == null
        ? new CheckpointDecisionRequest(null, verdict, null, null)
        : new CheckpointDecisionRequest(
            signal.checkpoint(), verdict, signal.actor(), signal.comment(), signal.token());
  }

  private static Optional<CheckpointName> checkpointNamed(String text) {
    for (CheckpointName name : CheckpointName.values()) {
      if (name.wire().equals(text)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
