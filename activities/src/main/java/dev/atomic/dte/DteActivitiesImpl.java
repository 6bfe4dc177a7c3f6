package dev.atomic.dte;

import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;

/** Runs the engine for a job, inside the roots this worker may touch. */
public class DteActivitiesImpl implements DteActivities {

  /** Failure types by refusal kind, so callers can tell a bad spec from an unsafe change. */
  public static final String INVALID = "DteInvalid";
  public static final String UNSUPPORTED = "DteUnsupported";
  public static final String REFUSED = "DteRefused";

  private final WorkingDirectories roots;
  private final Repositories repositories;

  public DteActivitiesImpl(WorkingDirectories roots, Repositories repositories) {
    this.roots = roots;
    this.repositories = repositories;
  }

  /** The tree a job works on: a clone of its repository, or its directory under the roots. */
  private Path tree(DteRequest request) {
    if (request.repository() != null && !request.repository().isBlank()) {
      return repositories.checkout(request.repository(), request.ref());
    }
    return roots.require(request.workingDir());
  }

  @Override
  public ChangeSpec plan(DtePlanRequest request) {
    try {
      return IntentPlanner.plan(request.id(), request.intent(), request.scope(), request.language(),
          request.requestedBy(), java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    } catch (DteException e) {
      throw failure(e);
    }
  }

  @Override
  public DtePreview preview(DteRequest request) {
    try {
      return DteEngine.preview(request.spec(), tree(request), DteActivitiesImpl::heartbeat);
    } catch (DteException e) {
      throw failure(e);
    }
  }

  @Override
  public DtePreview.Batch applyBatch(DteBatchRequest request) {
    try {
      heartbeat("applying batch-" + request.batch() + " of " + request.spec().id());
      return GitBatches.applyBatch(request.spec(), roots.require(request.workingDir()), request.batch(), request.batchSize());
    } catch (DteException e) {
      throw failure(e);
    }
  }

  @Override
  public String revertBatch(DteBatchRequest request) {
    try {
      return GitBatches.revert(roots.require(request.workingDir()), request.spec().id(), "batch-" + request.batch());
    } catch (DteException e) {
      throw failure(e);
    }
  }

  /** Reports progress to Temporal, so a stuck worker is noticed; a no-op outside an activity. */
  private static void heartbeat(String progress) {
    try {
      io.temporal.activity.Activity.getExecutionContext().heartbeat(progress);
    } catch (IllegalStateException notInAnActivity) {
      // called directly (tests, CLI): nobody to tell
    }
  }

  @Override
  public VerificationReport verify(DteRequest request) {
    try {
      return Verification.run(request.spec(), tree(request), VerificationSettings.fromEnvironment(), DteActivitiesImpl::heartbeat);
    } catch (DteException e) {
      throw failure(e);
    }
  }

  @Override
  public DtePreview apply(DteRequest request) {
    try {
      Path dir = tree(request);
      if (request.dryRun()) {
        return DteEngine.preview(request.spec(), dir, DteActivitiesImpl::heartbeat);
      }
      if (GitBatches.isWorkingTree(dir)) {
        int size = request.batchSize() > 0 ? request.batchSize() : GitBatches.DEFAULT_BATCH_SIZE;
        DtePreview applied = GitBatches.apply(request.spec(), dir, size);
        if (request.repository() != null && !request.repository().isBlank()) {
          repositories.push(dir, applied.batches().branch());
        }
        return applied;
      }
      return DteEngine.apply(request.spec(), dir, DteActivitiesImpl::heartbeat);
    } catch (DteException e) {
      throw failure(e);
    }
  }

  private static ApplicationFailure failure(DteException e) {
    String type =
        switch (e.kind()) {
          case INVALID -> INVALID;
          case UNSUPPORTED -> UNSUPPORTED;
          case REFUSED -> REFUSED;
        };
    return ApplicationFailure.newNonRetryableFailure(e.getMessage(), type, List.copyOf(e.reasons()));
  }
}
