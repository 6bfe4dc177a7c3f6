package dev.atomic.mission;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.atomic.dte.DteActivities;
import dev.atomic.dte.DteBatchRequest;
import dev.atomic.dte.DteMissionPlan;
import dev.atomic.dte.DteMissionRequest;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.DteRevertRequest;
import dev.atomic.dte.batches.Dependents;
import dev.atomic.dte.batches.PlannedBatch;
import dev.atomic.dte.git.GitBatches;
import dev.atomic.dte.verify.VerificationReport;
import dev.atomic.evidence.AuditPackRef;
import dev.atomic.evidence.AuditPackRequest;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceActivities;
import dev.atomic.finops.CommitRequest;
import dev.atomic.finops.FinOpsActivities;
import dev.atomic.finops.Forecast;
import dev.atomic.finops.ForecastRequest;
import dev.atomic.finops.ReservationCheck;
import dev.atomic.finops.ReservationRequest;
import dev.atomic.gateway.DiffScan;
import dev.atomic.gateway.GatewayActivities;
import dev.atomic.gateway.PreflightRequest;
import dev.atomic.gateway.PreflightResult;
import dev.atomic.platform.Json;
import dev.atomic.platform.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orchestration of a governed mission: plan on the repository, execute the planned batches one
 * activity each, verify the branch head, build the audit pack at finalize, and revert applied
 * batches (newest first) when the mission is rejected or a batch is rolled back. Each capability
 * runs on its own task queue; the mission's state and evidence stay with {@link
 * MissionWorkflowImpl}.
 */
final class GovernedMission {

  /**
   * Transformations and PIT runs can take long (an hour at most); they heartbeat every few seconds,
   * so a dead worker is noticed within 30 s and the activity retried on another.
   */
  private static final ActivityOptions DTE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.DTE)
          .setStartToCloseTimeout(Duration.ofMinutes(60))
          .setHeartbeatTimeout(Duration.ofSeconds(30))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(2))
                  .setMaximumAttempts(5)
                  .build())
          .build();

  private static final ActivityOptions GATEWAY =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.GATEWAY)
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
          .build();

  private static final ActivityOptions FINOPS =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.FINOPS)
          .setStartToCloseTimeout(Duration.ofMinutes(5))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
          .build();

  private static final ActivityOptions EVIDENCE =
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.EVIDENCE)
          .setStartToCloseTimeout(Duration.ofMinutes(10))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
          .build();

  private final MissionLedger mission;
  private final MissionRequest.Governed input;
  private final String missionId;
  private final String branch;
  private dev.atomic.dte.ChangeSpec spec;
  private DteMissionPlan plan;
  private boolean verified;
  private BigDecimal forecastUsd = BigDecimal.ZERO;
  private String reservationId;
  private int nextBatch;

  /** How execute ended: every batch applied, paused on the budget, or failed. */
  enum Outcome {
    DONE,
    PAUSED,
    FAILED
  }

  GovernedMission(MissionLedger mission, MissionRequest.Governed input) {
    this.mission = mission;
    this.input = input;
    this.missionId = mission.request.missionId();
    this.branch = "atomic/" + missionId;
    this.spec = input.changeSpec();
  }

  /** Whether the mission has its ChangeSpec yet. */
  boolean hasSpec() {
    return spec != null;
  }

  void attach(dev.atomic.dte.ChangeSpec changeSpec) {
    this.spec = changeSpec;
  }

  private static <T> T stub(Class<T> type, ActivityOptions options, String summary) {
    return Workflow.newActivityStub(
        type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }

  /**
   * Plans the change: batches on the repository, the gateway's preflight of the spec and its secret
   * scan of the planned diff. Returns false when the mission failed (with the reason).
   */
  boolean plan() {
    Workflow.setCurrentDetails("planning " + spec.id() + " on " + input.repository());
    try {
      plan =
          stub(DteActivities.class, DTE, "plan " + spec.id())
              .planMission(
                  new DteMissionRequest(
                      missionId, spec, input.repository(), input.ref(), branch, input.batchSize()));
    } catch (ActivityFailure e) {
      mission.failMission(
          "plan failed: " + reason(e), Map.of("checkpoint", CheckpointName.PLAN.wire()));
      return false;
    }
    Map<String, Object> forecast = forecast();
    GatewayActivities gateway = stub(GatewayActivities.class, GATEWAY, "preflight and secret scan");
    PreflightResult preflight;
    DiffScan scan;
    try {
      preflight =
          gateway.preflight(new PreflightRequest(specText(), null, Map.of("missionId", missionId)));
      scan = gateway.scanDiff(plan.diffSha256());
    } catch (ActivityFailure e) {
      mission.failMission(
          "the gateway could not check the plan: " + reason(e),
          Map.of("checkpoint", CheckpointName.PLAN.wire()));
      return false;
    }
    List<Map<String, Object>> artifacts = new ArrayList<>();
    artifacts.add(
        artifact(
            "diff",
            Map.of(
                "sha256", plan.diffSha256(),
                "bytes", plan.diffBytes(),
                "files", plan.summary().files(),
                "insertions", plan.summary().insertions(),
                "deletions", plan.summary().deletions(),
                "download", "/missions/" + missionId + "/diff")));
    Map<String, Object> batches = new LinkedHashMap<>();
    batches.put("baseCommit", plan.baseCommit());
    batches.put("branch", branch);
    batches.put("buildCheck", plan.buildCheck());
    batches.put("batches", plan.batches());
    artifacts.add(artifact("batches", batches));
    artifacts.add(
        artifact(
            "preflight",
            Map.of(
                "ok", preflight.ok(),
                "violations", preflight.violations() == null ? List.of() : preflight.violations(),
                "redactions", preflight.redactions() == null ? 0 : preflight.redactions().size())));
    artifacts.add(artifact("secretScan", Map.of("findings", scan.findings())));
    artifacts.add(artifact("forecast", forecast));
    mission.planArtifacts(artifacts);
    for (PlannedBatch batch : plan.batches()) {
      mission.addBatch(
          new Batch(
              batch.id(),
              false,
              List.of(),
              BatchStatus.PLANNED,
              null,
              null,
              batch.files(),
              null,
              batch.dependsOn(),
              batch.reason()));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", CheckpointName.PLAN.wire());
    data.put("repository", input.repository());
    data.put("baseCommit", plan.baseCommit());
    data.put("diffSha256", plan.diffSha256());
    data.put(
        "files",
        plan.files().stream().map(f -> f.newPath() == null ? f.path() : f.newPath()).toList());
    data.put("batches", plan.batches().stream().map(PlannedBatch::id).toList());
    data.put("buildCheck", plan.buildCheck());
    mission.event(EventTypes.PLAN_PREPARED, "agent", data);
    if (!scan.findings().isEmpty()) {
      List<Map<String, Object>> findings = new ArrayList<>();
      for (DiffScan.Finding f : scan.findings()) {
        findings.add(
            Map.of("rule", f.rule(), "file", f.file(), "line", f.line(), "masked", f.masked()));
      }
      DiffScan.Finding first = scan.findings().get(0);
      mission.failMission(
          "the planned diff adds "
              + scan.findings().size()
              + " secret(s), e.g. "
              + first.rule()
              + " at "
              + first.file()
              + ":"
              + first.line(),
          Map.of("checkpoint", CheckpointName.PLAN.wire(), "secrets", findings));
      return false;
    }
    if (!preflight.ok()) {
      mission.failMission(
          "the gateway refused the ChangeSpec: " + preflight.violations(),
          Map.of("checkpoint", CheckpointName.PLAN.wire()));
      return false;
    }
    return true;
  }

  /**
   * What the model calls of this change would cost by the price table (the DTE itself calls no
   * model); the amount the mission reserves before its first batch.
   */
  private Map<String, Object> forecast() {
    Map<String, Object> result = new LinkedHashMap<>();
    try {
      Forecast f =
          stub(FinOpsActivities.class, FINOPS, "forecast")
              .forecast(
                  new ForecastRequest(
                      spec, null, null, null, null, input.repository(), input.ref()));
      forecastUsd = f.usdEstimate();
      result.put("usd", f.usdEstimate());
      result.put("tokens", f.totalTokens());
      result.put("model", f.provider() + "/" + f.model());
      result.put("basis", f.basis());
    } catch (ActivityFailure e) {
      result.put("usd", BigDecimal.ZERO);
      result.put("unavailable", reason(e));
    }
    if (input.budgetUsd() != null) {
      result.put(
          "budget", "mission:" + missionId + " = " + input.budgetUsd().toPlainString() + " USD");
    }
    return result;
  }

  /**
   * Why the budget stops the next batch, or null: the mission's reservation is made before the
   * first batch and checked before each one.
   */
  private String budgetProblem() {
    FinOpsActivities finops = stub(FinOpsActivities.class, FINOPS, "budget check");
    try {
      if (reservationId == null) {
        reservationId =
            finops
                .reserve(
                    new ReservationRequest(
                        "res-" + missionId, forecastUsd, List.of(), missionId, null))
                .id();
        return null;
      }
      ReservationCheck check = finops.check(reservationId);
      return check.ok() ? null : check.reason();
    } catch (ActivityFailure e) {
      return "the reservation of " + forecastUsd.toPlainString() + " USD was refused: " + reason(e);
    }
  }

  /** Commits the spend at finalize: none, since the DTE priced no model call. */
  void commitBudget() {
    if (reservationId != null) {
      stub(FinOpsActivities.class, FINOPS, "commit spend")
          .commit(new CommitRequest(reservationId, BigDecimal.ZERO));
    }
  }

  /** Returns the reservation's hold, when the mission ends without finishing. */
  void releaseBudget() {
    if (reservationId == null) {
      return;
    }
    try {
      stub(FinOpsActivities.class, FINOPS, "release reservation").release(reservationId);
    } catch (ActivityFailure e) {
      Workflow.getLogger(GovernedMission.class)
          .warn("reservation {} not released: {}", reservationId, reason(e));
    }
  }

  /**
   * Applies the planned batches from where execute stopped, one commit each. Before each batch the
   * budget is checked: a refusal or a breach pauses execute (PAUSED) for a human.
   */
  Outcome execute() {
    DteActivities dte = stub(DteActivities.class, DTE, "apply batches");
    List<PlannedBatch> batches = plan.batches();
    for (int i = nextBatch; i < batches.size(); i++) {
      PlannedBatch batch = batches.get(i);
      String budget = budgetProblem();
      if (budget != null) {
        nextBatch = i;
        pauseForBudget(batch.id(), budget);
        return Outcome.PAUSED;
      }
      Workflow.setCurrentDetails(
          "executing " + batch.id() + " (" + (i + 1) + "/" + batches.size() + ")");
      DtePreview.Batch applied;
      try {
        applied =
            Workflow.newActivityStub(
                    DteActivities.class,
                    ActivityOptions.newBuilder(DTE)
                        .setSummary("apply " + batch.id() + " of " + batches.size())
                        .build())
                .applyBatch(
                    new DteBatchRequest(
                        spec,
                        input.repository(),
                        plan.baseCommit(),
                        branch,
                        batch,
                        batches.size()));
      } catch (ActivityFailure e) {
        compensate("batch " + batch.id() + " failed: " + reason(e), dte);
        mission.failMission(
            "execute failed at " + batch.id() + ": " + reason(e),
            Map.of("checkpoint", CheckpointName.EXECUTE.wire(), "batchId", batch.id()));
        return Outcome.FAILED;
      }
      nextBatch = i + 1;
      mission.batchApplied(batch.id(), applied.commit());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("batchId", batch.id());
      data.put("commit", applied.commit());
      data.put("branch", branch);
      data.put("files", applied.files());
      data.put("dependsOn", batch.dependsOn());
      data.put("diffSha256", plan.diffSha256());
      mission.event(EventTypes.BATCH_EXECUTED, "agent", data);
      mission.persist(batch.id() + " committed");
    }
    return Outcome.DONE;
  }

  /** Carries the mission on after a checkpoint was approved. */
  void advance(CheckpointName approved) {
    switch (approved) {
      case PLAN -> {
        mission.event(
            EventTypes.CHECKPOINT_OPENED,
            "platform",
            Map.of("checkpoint", CheckpointName.EXECUTE.wire()));
        runExecute("plan approved: executing");
      }
      case EXECUTE -> runExecute("budget approved: executing again");
      case VERIFY -> mission.open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
      case FINALIZE -> {
        mission.persist("finalize approved: building the audit pack");
        AuditPackRef pack;
        try {
          pack = auditPack();
        } catch (io.temporal.failure.ActivityFailure e) {
          releaseBudget();
          mission.failMission(
              "the audit pack could not be built: " + reason(e),
              Map.of("checkpoint", CheckpointName.FINALIZE.wire()));
          return;
        }
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("sha256", pack.sha256());
        ref.put("bytes", pack.bytes());
        ref.put("keyId", pack.keyId());
        ref.put("events", pack.events());
        ref.put("lastEvent", pack.lastEvent());
        ref.put("download", "/missions/" + missionId + "/audit-pack");
        mission.checkpoints.get(CheckpointName.FINALIZE).auditPack = ref;
        commitBudget();
        Map<String, Object> data = new LinkedHashMap<>(ref);
        data.remove("download");
        mission.event(EventTypes.AUDIT_PACK_GENERATED, "platform", data);
        mission.finish(MissionStatus.COMPLETED, null);
      }
    }
  }

  /** Runs (or resumes) the batches; when all are applied, verifies. */
  private void runExecute(String summary) {
    MissionLedger.CheckpointState execute = mission.checkpoints.get(CheckpointName.EXECUTE);
    execute.status = CheckpointStatus.RUNNING;
    mission.status = MissionStatus.EXECUTING;
    mission.reason = null;
    mission.persist(summary);
    Outcome outcome = execute();
    if (outcome == Outcome.DONE) {
      execute.status = CheckpointStatus.COMPLETED;
      verifyAndOpen();
    }
  }

  /** Execute waits for a human: the budget refused or was breached before {@code batchId}. */
  void pauseForBudget(String batchId, String why) {
    mission.reason =
        "execute paused before "
            + batchId
            + ": "
            + why
            + "; raise the budget (PUT /finops/budgets/mission:"
            + missionId
            + ") and approve execute to resume, or reject to revert";
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("checkpoint", CheckpointName.EXECUTE.wire());
    data.put("batchId", batchId);
    data.put("reason", why);
    mission.event(EventTypes.BUDGET_BREACHED, "platform", data);
    mission.open(CheckpointName.EXECUTE, MissionStatus.AWAITING_APPROVAL);
    mission.persist("execute paused on the budget");
  }

  /**
   * Verifies the branch head. A pass opens finalize, except for high risk, which waits for a human
   * at verify; a failure waits for a human at verify (reject compensates).
   */
  void verifyAndOpen() {
    MissionLedger.CheckpointState verify = mission.checkpoints.get(CheckpointName.VERIFY);
    verify.status = CheckpointStatus.RUNNING;
    mission.status = MissionStatus.VERIFYING;
    mission.checkpoints.get(CheckpointName.FINALIZE).status = CheckpointStatus.PENDING;
    mission.persist("verifying");
    VerificationReport report = verify();
    verify.metrics.clear();
    verify.metrics.put("passed", report.success());
    if (report.metrics() != null) {
      verify.metrics.putAll(report.metrics());
    }
    if (!report.errors().isEmpty()) {
      verify.metrics.put("errors", report.errors());
    }
    List<String> failedInvariants = new ArrayList<>();
    report.invariants().stream()
        .filter(i -> !i.passed())
        .forEach(i -> failedInvariants.add(i.name()));
    verify.metrics.put("invariantsFailed", failedInvariants);
    if (report.mutationReport() != null) {
      verify.metrics.put("mutationThreshold", report.mutationReport().threshold());
      verify.metrics.put("mutantsKilled", report.mutationReport().mutantsKilled());
      verify.metrics.put("mutantsTotal", report.mutationReport().mutantsTotal());
    }
    verify.metrics.putIfAbsent("testsAdded", 0);
    mission.event(EventTypes.VERIFICATION_COMPLETED, "agent", mission.verifyEventData(verify));
    if (!report.success() || mission.request.risk() == Risk.HIGH) {
      mission.open(CheckpointName.VERIFY, MissionStatus.VERIFYING);
    } else {
      verify.status = CheckpointStatus.COMPLETED;
      mission.open(CheckpointName.FINALIZE, MissionStatus.FINALIZING);
    }
  }

  /** Runs the verification on the branch head and puts its figures on the verify checkpoint. */
  VerificationReport verify() {
    Workflow.setCurrentDetails("verifying " + branch);
    VerificationReport report;
    try {
      report =
          stub(DteActivities.class, DTE, "verify " + branch)
              .verifyMission(
                  new DteMissionRequest(
                      missionId, spec, input.repository(), input.ref(), branch, input.batchSize()));
    } catch (ActivityFailure e) {
      report =
          new VerificationReport(
              false,
              List.of("verification could not run: " + reason(e)),
              List.of(),
              List.of(),
              null,
              null,
              Map.of());
    }
    verified = true;
    return report;
  }

  boolean verified() {
    return verified;
  }

  /** Builds and stores the audit pack; null when it could not be built (the reason is logged). */
  AuditPackRef auditPack() {
    Workflow.setCurrentDetails("building the audit pack");
    return stub(EvidenceActivities.class, EVIDENCE, "audit pack")
        .generateAuditPack(new AuditPackRequest(missionId, specText()));
  }

  /**
   * Reverts every applied batch, newest first (a Saga's compensation), records it, and returns the
   * reservation's hold.
   */
  void compensate(String why, DteActivities dte) {
    releaseBudget();
    if (mission.appliedBatches().isEmpty()) {
      return;
    }
    Workflow.setCurrentDetails("reverting every applied batch: " + why);
    List<GitBatches.Reverted> reverted =
        (dte == null ? stub(DteActivities.class, DTE, "revert all batches") : dte)
            .revertBatch(new DteRevertRequest(input.repository(), branch, null, true));
    recordReverts(reverted, why, "platform", true);
  }

  /** Reverts one batch (with {@code cascade}, its dependents first); refusals propagate. */
  List<GitBatches.Reverted> rollback(RollbackRequest request) {
    Workflow.setCurrentDetails("rolling back " + request.batchId());
    List<GitBatches.Reverted> reverted =
        stub(DteActivities.class, DTE, "roll back " + request.batchId())
            .revertBatch(
                new DteRevertRequest(
                    input.repository(), branch, request.batchId(), request.cascade()));
    recordReverts(reverted, request.reason(), request.actor(), request.cascade());
    return reverted;
  }

  private void recordReverts(
      List<GitBatches.Reverted> reverted, String why, String actor, boolean cascade) {
    for (GitBatches.Reverted r : reverted) {
      mission.batchRolledBack(r.batchId());
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("batchId", r.batchId());
      data.put("commit", r.commit());
      data.put("branch", branch);
      data.put("cascade", cascade);
      if (why != null) {
        data.put("reason", why);
      }
      mission.event(
          EventTypes.ROLLBACK_APPLIED,
          actor == null || actor.isBlank() ? "anonymous" : actor,
          data);
    }
  }

  /** Applied batches that depend on {@code batchId}, directly or not. */
  static List<String> dependents(List<Batch> batches, String batchId) {
    return Dependents.of(
            batches, batchId, Batch::id, Batch::dependsOn, b -> b.status() == BatchStatus.APPLIED)
        .stream()
        .map(Batch::id)
        .toList();
  }

  private String specText() {
    try {
      return Json.mapper().writeValueAsString(spec);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> artifact(String type, Map<String, Object> fields) {
    Map<String, Object> artifact = new LinkedHashMap<>();
    artifact.put("type", type);
    artifact.putAll(fields);
    return artifact;
  }

  static String reason(ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof ApplicationFailure app) {
      return app.getOriginalMessage();
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }
}
