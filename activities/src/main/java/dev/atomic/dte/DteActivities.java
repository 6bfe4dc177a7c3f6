package dev.atomic.dte;

import dev.atomic.dte.git.GitBatches;
import dev.atomic.dte.verify.VerificationReport;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** Transforms on DTE workers (task queue {@code atomic-dte}). */
@ActivityInterface
public interface DteActivities {

  /** Turns an intent of a supported form into a validated ChangeSpec. */
  @ActivityMethod(name = "DtePlan")
  ChangeSpec plan(DtePlanRequest request);

  /** The diffs a spec would make; changes nothing. */
  @ActivityMethod(name = "DtePreview")
  DtePreview preview(DteRequest request);

  /**
   * Clones a mission's repository, checks the spec against it and plans its batches (each checked
   * to compile); stores the planned diff by digest. Changes nothing.
   */
  @ActivityMethod(name = "DtePlanMission")
  DteMissionPlan planMission(DteMissionRequest request);

  /**
   * Commits one planned batch on the mission's branch and pushes it. Idempotent: a batch that is
   * already on the branch at the origin is returned as it is, so a retry never commits twice.
   */
  @ActivityMethod(name = "DteApplyBatch")
  DtePreview.Batch applyBatch(DteBatchRequest request);

  /**
   * Reverts a batch (with {@code cascade}, its dependents first) or, with no batch id, every
   * applied batch, and pushes; refused (non-retryable) naming the dependents or conflicts.
   */
  @ActivityMethod(name = "DteRevertBatch")
  List<GitBatches.Reverted> revertBatch(DteRevertRequest request);

  /** Runs the spec's verification on the head of the mission's branch. */
  @ActivityMethod(name = "DteVerifyMission")
  VerificationReport verifyMission(DteMissionRequest request);

  /** Previews ({@code dryRun}) or applies a spec; a refusal is a non-retryable failure. */
  @ActivityMethod(name = "DteApply")
  DtePreview apply(DteRequest request);

  /** Checks the spec's invariants on the tree. */
  @ActivityMethod(name = "DteVerify")
  VerificationReport verify(DteRequest request);
}
