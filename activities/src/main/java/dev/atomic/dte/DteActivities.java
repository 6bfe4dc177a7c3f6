package dev.atomic.dte;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Transforms on DTE workers (task queue {@code atomic-dte}). */
@ActivityInterface
public interface DteActivities {

  /** Previews ({@code dryRun}) or applies a spec; a refusal is a non-retryable failure. */
  @ActivityMethod(name = "DteApply")
  DtePreview apply(DteRequest request);

  /** Checks the spec's invariants on the tree. */
  @ActivityMethod(name = "DteVerify")
  VerificationReport verify(DteRequest request);
}
