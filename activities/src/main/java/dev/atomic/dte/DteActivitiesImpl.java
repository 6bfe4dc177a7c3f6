package dev.atomic.dte;

import dev.atomic.dte.git.GitBatches;
import dev.atomic.dte.git.Repositories;
import dev.atomic.dte.verify.Verification;
import dev.atomic.dte.verify.VerificationReport;
import dev.atomic.dte.verify.VerificationSettings;
import dev.atomic.platform.AtomicMetrics;
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
  private final dev.atomic.evidence.artifacts.ArtifactStore artifacts;
  private final DteEngine engine;
  private final dev.atomic.dte.verify.ToolJars tools = new dev.atomic.dte.verify.ToolJars();
  private final AtomicMetrics metrics;
  private final java.util.function.Function<String, String> variables;

  public DteActivitiesImpl(DteEngine engine, WorkingDirectories roots, Repositories repositories) {
    this(engine, roots, repositories, null);
  }

  /**
   * @param artifacts where planned diffs are stored; null keeps only their digest
   */
  public DteActivitiesImpl(
      DteEngine engine,
      WorkingDirectories roots,
      Repositories repositories,
      dev.atomic.evidence.artifacts.ArtifactStore artifacts) {
    this(engine, roots, repositories, artifacts, AtomicMetrics.none());
  }

  /**
   * @param artifacts where planned diffs are stored; null keeps only their digest
   * @param metrics counts verifications, mutation scores and steps that end in an error
   */
  public DteActivitiesImpl(
      DteEngine engine,
      WorkingDirectories roots,
      Repositories repositories,
      dev.atomic.evidence.artifacts.ArtifactStore artifacts,
      AtomicMetrics metrics) {
    this(engine, roots, repositories, artifacts, metrics, System::getenv);
  }

  /**
   * @param artifacts where planned diffs are stored; null keeps only their digest
   * @param metrics counts verifications, mutation scores and steps that end in an error
   * @param variables where verify reads its settings ({@link VerificationSettings#from}): the
   *     process's Spring environment in a worker, so {@code .env} counts
   */
  public DteActivitiesImpl(
      DteEngine engine,
      WorkingDirectories roots,
      Repositories repositories,
      dev.atomic.evidence.artifacts.ArtifactStore artifacts,
      AtomicMetrics metrics,
      java.util.function.Function<String, String> variables) {
    this.variables = variables;
    this.metrics = metrics;
    this.engine = engine;
    this.roots = roots;
    this.repositories = repositories;
    this.artifacts = artifacts;
  }

  /**
   * The request's explicit classpath: each entry must lie under the tree or an allowed root, so a
   * request cannot make the worker read files elsewhere.
   */
  private List<Path> classpath(DteRequest request, Path tree) {
    List<Path> entries = new java.util.ArrayList<>();
    for (String entry : request.classpath() == null ? List.<String>of() : request.classpath()) {
      if (entry == null || entry.isBlank() || entry.indexOf('\0') >= 0) {
        throw DteException.invalid("/classpath: entries must be non-empty paths");
      }
      Path path = tree.resolve(entry).normalize();
      Path checked =
          path.getFileName() != null && path.getFileName().toString().equals("*")
              ? path.getParent()
              : path;
      Path real;
      try {
        real = checked.toRealPath();
      } catch (java.io.IOException e) {
        throw DteException.invalid("/classpath: " + entry + ": no such file or directory");
      }
      if (!real.startsWith(tree) && !roots.allows(real)) {
        throw DteException.invalid(
            "/classpath: " + entry + ": outside the working directory and the allowed roots");
      }
      entries.add(path);
    }
    return entries;
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
      return IntentPlanner.plan(
          request.id(),
          request.intent(),
          request.scope(),
          request.language(),
          request.requestedBy(),
          java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    } catch (DteException e) {
      throw failure("plan", e);
    }
  }

  @Override
  public DtePreview preview(DteRequest request) {
    try (Heartbeat beat = Heartbeat.start("preview")) {
      Path dir = tree(request);
      return engine.preview(request.spec(), dir, classpath(request, dir), beat::progress);
    } catch (DteException e) {
      throw failure("preview", e);
    }
  }

  @Override
  public DteMissionPlan planMission(DteMissionRequest request) {
    try (Heartbeat beat = Heartbeat.start("planMission")) {
      String url = repositories.normalize(request.repository());
      Path clone = repositories.missionClone(url, request.missionId());
      String base = repositories.resolve(clone, request.ref());
      repositories.checkoutCommit(clone, base);
      beat.progress("planning " + request.spec().id() + " on " + base.substring(0, 12));
      int size = request.batchSize() > 0 ? request.batchSize() : GitBatches.DEFAULT_BATCH_SIZE;
      DtePreview preview = GitBatches.plan(engine, request.spec(), clone, size, beat::progress);
      StringBuilder diff = new StringBuilder();
      List<DteMissionPlan.FileSummary> files = new java.util.ArrayList<>();
      for (FileDiff file : preview.diffs()) {
        diff.append(file.diff());
        files.add(
            new DteMissionPlan.FileSummary(
                file.path(), file.newPath(), file.insertions(), file.deletions()));
      }
      byte[] bytes = diff.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      String digest =
          artifacts == null
              ? dev.atomic.evidence.Sha256.hex(bytes)
              : artifacts.put(
                  request.missionId(),
                  dev.atomic.evidence.artifacts.ArtifactStore.DIFF,
                  "text/x-diff",
                  bytes);
      return new DteMissionPlan(
          base,
          preview.plan().batches(),
          preview.plan().buildCheck(),
          preview.summary(),
          files,
          preview.warnings(),
          digest,
          bytes.length);
    } catch (DteException e) {
      throw failure("plan_mission", e);
    }
  }

  @Override
  public DtePreview.Batch applyBatch(DteBatchRequest request) {
    try (Heartbeat beat = Heartbeat.start("applyBatch")) {
      Path clone = repositories.missionClone(request.repository(), missionOf(request.branch()));
      repositories.checkoutBranch(clone, request.branch(), request.baseCommit());
      beat.progress("applying " + request.batch().id() + " of " + request.total());
      DtePreview.Batch batch =
          GitBatches.applyPlanned(
              engine,
              request.spec(),
              clone,
              request.branch(),
              request.baseCommit(),
              request.batch(),
              request.total(),
              beat::progress);
      repositories.push(clone, request.branch());
      return batch;
    } catch (DteException e) {
      throw failure("apply_batch", e);
    }
  }

  @Override
  public List<GitBatches.Reverted> revertBatch(DteRevertRequest request) {
    try (Heartbeat beat = Heartbeat.start("revertBatch")) {
      Path clone = repositories.missionClone(request.repository(), missionOf(request.branch()));
      repositories.checkoutBranch(clone, request.branch(), null);
      List<GitBatches.Reverted> reverted =
          request.batchId() == null
              ? GitBatches.revertAll(clone, request.branch())
              : GitBatches.revert(clone, request.branch(), request.batchId(), request.cascade());
      repositories.push(clone, request.branch());
      return reverted;
    } catch (DteException e) {
      throw failure("revert_batch", e);
    }
  }

  @Override
  public VerificationReport verifyMission(DteMissionRequest request) {
    try (Heartbeat beat = Heartbeat.start("verifyMission")) {
      Path clone = repositories.missionClone(request.repository(), request.missionId());
      repositories.checkoutBranch(clone, request.branch(), null);
      return counted(
          Verification.run(
              request.spec(),
              clone,
              VerificationSettings.from(variables)
                  .withTools(tools)
                  .withClasspaths(engine.classpaths()),
              beat::progress));
    } catch (DteException e) {
      throw failure("verify_mission", e);
    }
  }

  /** {@code atomic/M-123} → {@code M-123}: the clone a mission's activities share. */
  private static String missionOf(String branch) {
    return branch.startsWith("atomic/") ? branch.substring("atomic/".length()) : branch;
  }

  @Override
  public VerificationReport verify(DteRequest request) {
    try (Heartbeat beat = Heartbeat.start("verify")) {
      return counted(
          Verification.run(
              request.spec(),
              tree(request),
              VerificationSettings.from(variables)
                  .withTools(tools)
                  .withClasspaths(engine.classpaths()),
              beat::progress));
    } catch (DteException e) {
      throw failure("verify", e);
    }
  }

  @Override
  public DtePreview apply(DteRequest request) {
    try (Heartbeat beat = Heartbeat.start("apply")) {
      Path dir = tree(request);
      List<Path> classpath = classpath(request, dir);
      if (request.dryRun()) {
        return engine.preview(request.spec(), dir, classpath, beat::progress);
      }
      if (GitBatches.isWorkingTree(dir)) {
        int size = request.batchSize() > 0 ? request.batchSize() : GitBatches.DEFAULT_BATCH_SIZE;
        DtePreview applied =
            GitBatches.apply(engine, request.spec(), dir, classpath, size, beat::progress);
        if (request.repository() != null && !request.repository().isBlank()) {
          repositories.push(dir, applied.batches().branch());
        }
        return applied;
      }
      return engine.apply(request.spec(), dir, classpath, beat::progress);
    } catch (DteException e) {
      throw failure("apply", e);
    }
  }

  private ApplicationFailure failure(String step, DteException e) {
    metrics.transformationError(step, e.kind().name());
    return failure(e);
  }

  private VerificationReport counted(VerificationReport report) {
    metrics.verification(
        report.success(), report.mutationReport() == null ? null : report.mutationReport().score());
    return report;
  }

  private static ApplicationFailure failure(DteException e) {
    String type =
        switch (e.kind()) {
          case INVALID -> INVALID;
          case UNSUPPORTED -> UNSUPPORTED;
          case REFUSED -> REFUSED;
        };
    return ApplicationFailure.newNonRetryableFailure(
        e.getMessage(), type, List.copyOf(e.reasons()));
  }
}
