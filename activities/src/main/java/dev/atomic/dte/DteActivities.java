package dev.atomic.dte;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Transforms on DTE workers (task queue {@code atomic-dte}). */
@ActivityInterface
public interface DteActivities {

  /** Turns an intent of a supported form into a validated ChangeSpec. */
  @ActivityMethod(name = "DtePlan")
  ChangeSpec plan(DtePlanRequest request);

  /** The diffs a spec would make; changes nothing. */
  @ActivityMethod(name = "DtePreview")
  DtePreview preview(DteRequest request);

  /** Commits one batch on {@code atomic/<spec id>}; an already committed batch is returned as is. */
  @ActivityMethod(name = "DteApplyBatch")
  DtePreview.Batch applyBatch(DteBatchRequest request);

  /** Reverts one batch's commit; refused (non-retryable) when the revert would conflict. */
  @ActivityMethod(name = "DteRevertBatch")
  String revertBatch(DteBatchRequest request);

  /** Previews ({@code dryRun}) or applies a spec; a refusal is a non-retryable failure. */
  @ActivityMethod(name = "DteApply")
  DtePreview apply(DteRequest request);

  /** Checks the spec's invariants on the tree. */
  @ActivityMethod(name = "DteVerify")
  VerificationReport verify(DteRequest request);
}
