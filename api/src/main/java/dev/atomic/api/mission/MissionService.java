package dev.atomic.api.mission;

import dev.atomic.api.temporal.SearchAttributeRegistrar;
import dev.atomic.api.web.ApiException;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DteException;
import dev.atomic.dte.git.GitBatches;
import dev.atomic.mission.Batch;
import dev.atomic.mission.BatchRequest;
import dev.atomic.mission.ChangeSpecRequest;
import dev.atomic.mission.CheckpointDecisionRequest;
import dev.atomic.mission.CheckpointName;
import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionFailures;
import dev.atomic.mission.MissionRequest;
import dev.atomic.mission.MissionSearchAttributes;
import dev.atomic.mission.MissionStatus;
import dev.atomic.mission.MissionStore;
import dev.atomic.mission.MissionWorkflow;
import dev.atomic.mission.Risk;
import dev.atomic.mission.RollbackRequest;
import dev.atomic.mission.RollbackResult;
import dev.atomic.mission.Verdict;
import dev.atomic.platform.TaskQueues;
import dev.atomic.platform.WireEnum;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Starts mission workflows, forwards decisions to them and reads the mission store. */
@Service
public class MissionService {

  static final int MAX_TITLE = 500;
  static final int MAX_TEXT = 2000;

  /** Who acts is stored with every event (a 200-character column). */
  static final int MAX_ACTOR = 200;

  private static final Pattern MISSION_ID = Pattern.compile("M-[A-Za-z0-9_-]{1,60}");
  private static final char[] ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final String ACTIVE = "active";

  /** A started mission; {@code ready} is false when no worker has recorded it yet. */
  record Started(Mission mission, boolean ready) {}

  private final WorkflowClient client;
  private final MissionStore store;
  private final SearchAttributeRegistrar searchAttributes;
  private final MissionSettings settings;
  private final Clock clock = Clock.systemUTC();
  private final dev.atomic.identity.DecisionTokens tokens;
  private final SecureRandom random = new SecureRandom();
  private final ExecutorService calls =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "mission-update");
            thread.setDaemon(true);
            return thread;
          });

  private final dev.atomic.dte.git.RepositoryUrls repositories;
  private final dev.atomic.evidence.artifacts.ArtifactStore artifacts;
  private final dev.atomic.finops.Budgets budgets;

  MissionService(
      WorkflowClient client,
      MissionStore store,
      SearchAttributeRegistrar searchAttributes,
      MissionSettings settings,
      javax.sql.DataSource dataSource,
      @org.springframework.beans.factory.annotation.Value("${atomic.dte.allowed-roots:${user.dir}}")
          List<String> allowedRoots,
      dev.atomic.finops.FinOps finOps) {
    // Only URLs are checked here; clones happen on the DTE workers.
    this.repositories =
        new dev.atomic.dte.git.RepositoryUrls(new dev.atomic.dte.WorkingDirectories(allowedRoots));
    this.artifacts = new dev.atomic.evidence.artifacts.ArtifactStore(dataSource);
    this.tokens =
        new dev.atomic.identity.DecisionTokens(new dev.atomic.platform.Database(dataSource), clock);
    this.budgets = finOps.budgets();
    this.client = client;
    this.store = store;
    this.searchAttributes = searchAttributes;
    this.settings = settings;
  }

  /** A stored artifact of a mission, for download. */
  record Download(String sha256, byte[] content) {}

  Started create(CreateMissionBody body, String requestedBy) {
    boolean governedFields =
        body.changeSpec() != null || body.batchSize() != null || body.budgetUsd() != null;
    if (body.repository() == null && governedFields) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'changeSpec', 'batchSize' and 'budgetUsd' need a 'repository'",
          "a mission without a repository is a ledger mission");
    }
    java.time.Duration timeout =
        body.approvalTimeout() == null
            ? settings.approvalTimeout()
            : parseTimeout(body.approvalTimeout());
    MissionRequest.Governed governed = null;
    if (body.repository() != null) {
      governed = governed(body);
    }
    return create(body.title(), body.risk(), requestedBy, timeout, governed);
  }

  private MissionRequest.Governed governed(CreateMissionBody body) {
    CreateMissionBody.RepositoryBody repo = body.repository();
    if (repo.url() == null || repo.url().isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'repository.url' is required");
    }
    String url;
    try {
      url = repositories.normalize(limited("repository.url", repo.url(), MAX_TEXT));
    } catch (DteException e) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Repository not accepted",
          String.join("; ", e.reasons()));
    }
    String ref =
        repo.ref() == null || repo.ref().isBlank()
            ? null
            : limited("repository.ref", repo.ref().strip(), 200);
    if (ref != null && !ref.matches("[A-Za-z0-9._/-]{1,200}")
        || (ref != null && (ref.contains("..") || ref.startsWith("-")))) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'repository.ref' is not a branch or tag name", ref);
    }
    // Without a spec the plan waits for PUT /missions/{id}/changespec.
    ChangeSpec spec =
        body.changeSpec() == null ? null : changeSpec(body.changeSpec(), "/changeSpec");
    int batchSize = body.batchSize() == null ? GitBatches.DEFAULT_BATCH_SIZE : body.batchSize();
    if (batchSize < 1 || batchSize > 10_000) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'batchSize' must be between 1 and 10000, got " + batchSize);
    }
    java.math.BigDecimal budget = body.budgetUsd();
    if (budget != null
        && (budget.signum() <= 0 || budget.compareTo(new java.math.BigDecimal("1000000000")) > 0)) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'budgetUsd' must be a positive amount of at most 1e9, got " + budget);
    }
    return new MissionRequest.Governed(url, ref, spec, batchSize, budget);
  }

  /** A valid ChangeSpec, or 422 naming the JSON pointer of each problem under {@code prefix}. */
  private static ChangeSpec changeSpec(tools.jackson.databind.JsonNode node, String prefix) {
    try {
      return ChangeSpecValidator.parse(node.toString());
    } catch (DteException e) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Invalid ChangeSpec",
          String.join(
              "; ", e.reasons().stream().map(r -> r.startsWith("/") ? prefix + r : r).toList()));
    }
  }

  Mission attachChangeSpec(String missionId, tools.jackson.databind.JsonNode body, String actor) {
    Mission mission = get(missionId);
    requireRunning(mission, "takes no ChangeSpec");
    if (body == null || !body.isObject()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Request body must be a ChangeSpec (a JSON object)");
    }
    ChangeSpec spec = changeSpec(body, "");
    ChangeSpecRequest request =
        new ChangeSpecRequest(
            spec, limited("actor", actor == null ? "anonymous" : actor, MAX_ACTOR));
    return update(mission, workflow -> workflow.attachChangeSpec(request));
  }

  static java.time.Duration parseTimeout(String text) {
    String value = text.strip();
    java.time.Duration duration;
    try {
      if (value.toUpperCase(java.util.Locale.ROOT).startsWith("P")) {
        duration = java.time.Duration.parse(value);
      } else {
        java.util.regex.Matcher m = Pattern.compile("(\\d{1,9})\\s*(s|m|h|d)").matcher(value);
        if (!m.matches()) {
          throw new java.time.format.DateTimeParseException("", value, 0);
        }
        long n = Long.parseLong(m.group(1));
        duration =
            switch (m.group(2)) {
              case "s" -> java.time.Duration.ofSeconds(n);
              case "m" -> java.time.Duration.ofMinutes(n);
              case "h" -> java.time.Duration.ofHours(n);
              default -> java.time.Duration.ofDays(n);
            };
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'approvalTimeout' must be a duration such as PT30M, 90s, 30m, 2h or 7d, got '"
              + text
              + "'");
    }
    if (duration.compareTo(java.time.Duration.ofSeconds(1)) < 0
        || duration.compareTo(java.time.Duration.ofDays(365)) > 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'approvalTimeout' must be between 1 second and 365 days, got " + text);
    }
    return duration;
  }

  private static String staticDetails(String requester, MissionRequest.Governed governed) {
    StringBuilder details = new StringBuilder("Requested by " + requester + ".");
    if (governed == null) {
      details.append(" Ledger mission: batches are registered by agents.");
    } else {
      details
          .append(" Governed mission on ")
          .append(governed.repository())
          .append(governed.ref() == null ? "" : " at " + governed.ref())
          .append(
              governed.changeSpec() == null
                  ? ", ChangeSpec to come"
                  : ", ChangeSpec " + governed.changeSpec().id())
          .append(", batches of about ")
          .append(governed.batchSize())
          .append(" file(s).");
    }
    return details.toString();
  }

  Download artifact(String missionId, String which) {
    Mission mission = get(missionId);
    String digest = null;
    for (dev.atomic.mission.Checkpoint c : mission.checkpoints()) {
      if (which.equals("diff") && c.artifacts() != null) {
        for (Map<String, Object> a : c.artifacts()) {
          if ("diff".equals(a.get("type"))) {
            digest = String.valueOf(a.get("sha256"));
          }
        }
      }
      if (which.equals("auditPack") && c.auditPack() != null) {
        digest = String.valueOf(c.auditPack().get("sha256"));
      }
    }
    if (digest == null) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          which.equals("diff")
              ? "Mission " + missionId + " has no planned diff"
              : "Mission " + missionId + " has no audit pack",
          which.equals("diff")
              ? "only governed missions have one, once planned"
              : "a governed mission has one once finalize is approved");
    }
    String sha = digest;
    return artifacts
        .get(sha)
        .map(a -> new Download(sha, a.content()))
        .orElseThrow(
            () -> new ApiException(HttpStatus.NOT_FOUND, "Artifact " + sha + " is not stored"));
  }

  Started create(String title, String riskText, String requestedBy) {
    return create(title, riskText, requestedBy, settings.approvalTimeout(), null);
  }

  private Started create(
      String title,
      String riskText,
      String requestedBy,
      java.time.Duration approvalTimeout,
      MissionRequest.Governed governed) {
    String cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'title' is required and must not be empty");
    }
    if (cleanTitle.length() > MAX_TITLE) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'title' is longer than " + MAX_TITLE + " characters");
    }
    singleLine("title", cleanTitle);
    Risk risk = riskText == null ? Risk.MEDIUM : parse(() -> Risk.parse(riskText));
    String requester =
        limited("requestedBy", requestedBy == null ? "anonymous" : requestedBy, MAX_ACTOR);
    boolean withSearchAttributes = temporal(searchAttributes::available);

    for (int attempt = 0; ; attempt++) {
      String missionId = newMissionId();
      MissionRequest request =
          new MissionRequest(
              missionId,
              cleanTitle,
              risk,
              requester,
              clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
              approvalTimeout.toSeconds(),
              settings.autoApproveLowRisk(),
              withSearchAttributes,
              governed,
              true);
      WorkflowOptions.Builder options =
          WorkflowOptions.newBuilder()
              .setWorkflowId(missionId)
              .setTaskQueue(TaskQueues.MISSIONS)
              .setWorkflowIdReusePolicy(
                  WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
              .setMemo(Map.of(MissionSearchAttributes.MEMO_TITLE, cleanTitle))
              // What the Temporal Web UI shows for the mission.
              .setStaticSummary(cleanTitle + " (" + risk.wire() + " risk)")
              .setStaticDetails(staticDetails(requester, governed));
      if (withSearchAttributes) {
        options.setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(MissionSearchAttributes.STATUS, MissionStatus.PLANNING.wire())
                .set(MissionSearchAttributes.CHECKPOINT, CheckpointName.PLAN.wire())
                .set(MissionSearchAttributes.RISK, risk.wire())
                .build());
      }
      MissionWorkflow workflow = client.newWorkflowStub(MissionWorkflow.class, options.build());
      try {
        temporal(() -> WorkflowClient.start(workflow::run, request));
      } catch (WorkflowExecutionAlreadyStarted e) {
        if (attempt < 3) {
          continue;
        }
        throw e;
      }
      if (governed != null && governed.budgetUsd() != null) {
        budgets.define(
            dev.atomic.finops.BudgetScope.parse("mission:" + missionId),
            governed.budgetUsd(),
            null);
      }
      return awaitFirstRecord(request);
    }
  }

  Mission get(String missionId) {
    return find(missionId)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "Mission not found", missionId));
  }

  List<Mission> list(String statusFilter, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'limit' must be between 1 and 1000");
    }
    Set<MissionStatus> statuses = EnumSet.noneOf(MissionStatus.class);
    if (statusFilter == null || statusFilter.isBlank()) {
      statuses.addAll(EnumSet.allOf(MissionStatus.class));
    } else {
      for (String part : statusFilter.split(",")) {
        String value = part.strip();
        if (value.equalsIgnoreCase(ACTIVE)) {
          EnumSet.allOf(MissionStatus.class).stream()
              .filter(s -> !s.isFinished())
              .forEach(statuses::add);
        } else {
          try {
            statuses.add(MissionStatus.parse(value));
          } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            allowed.add(ACTIVE);
            EnumSet.allOf(MissionStatus.class).forEach(s -> allowed.add(s.wire()));
            throw new ApiException(
                HttpStatus.BAD_REQUEST,
                "'status' must be one of " + allowed + ", got '" + value + "'");
          }
        }
      }
    }
    return database(() -> store.list(statuses, limit));
  }

  Mission decide(
      String missionId, String checkpoint, Verdict verdict, String actor, String comment) {
    Mission mission = get(missionId);
    CheckpointName name = checkpointNamed(checkpoint);
    requireRunning(mission, "takes no decisions");
    String decider = limited("actor", actor == null ? "anonymous" : actor, MAX_ACTOR);
    CheckpointDecisionRequest request =
        new CheckpointDecisionRequest(
            name.wire(),
            verdict,
            decider,
            comment == null ? null : limited("comment", comment),
            issueToken(missionId, name, verdict, decider).token());
    return update(mission, workflow -> workflow.decideCheckpoint(request));
  }

  /**
   * A decision token for the authenticated {@code actor}, for an approval by Temporal signal
   * ({@code atomic mission approve --temporal}): short-lived, single-use, only for this mission,
   * checkpoint and verdict.
   */
  dev.atomic.identity.DecisionTokens.Issued decisionToken(
      String missionId, String checkpoint, String verdictText, String actor) {
    Mission mission = get(missionId);
    CheckpointName name = checkpointNamed(checkpoint);
    requireRunning(mission, "takes no decisions");
    Verdict verdict = parse(() -> Verdict.parse(verdictText));
    return issueToken(
        missionId, name, verdict, limited("actor", actor == null ? "anonymous" : actor, MAX_ACTOR));
  }

  private static CheckpointName checkpointNamed(String checkpoint) {
    try {
      return CheckpointName.parse(checkpoint);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "Checkpoint not found",
          "'" + checkpoint + "'; checkpoints are " + WireEnum.allowed(CheckpointName.class));
    }
  }

  private dev.atomic.identity.DecisionTokens.Issued issueToken(
      String missionId, CheckpointName checkpoint, Verdict verdict, String actor) {
    return database(
        () ->
            tokens.issue(
                missionId, checkpoint.wire(), verdict.wire(), actor, settings.decisionTokenTtl()));
  }

  Batch registerBatch(String missionId, String actor, String description) {
    Mission mission = get(missionId);
    requireRunning(mission, "takes no batches");
    BatchRequest request =
        new BatchRequest(
            limited("actor", actor == null ? "agent" : actor, MAX_ACTOR),
            description == null ? null : limited("description", description));
    return update(mission, workflow -> workflow.registerBatch(request));
  }

  RollbackResult rollback(
      String missionId, String batchId, String actor, String reason, boolean cascade) {
    Mission mission = get(missionId);
    requireRunning(mission, "can no longer roll back batches");
    RollbackRequest request =
        new RollbackRequest(
            batchId,
            limited("actor", actor == null ? "anonymous" : actor, MAX_ACTOR),
            reason == null ? null : limited("reason", reason),
            cascade);
    return update(mission, workflow -> workflow.rollbackBatch(request));
  }

  private Optional<Mission> find(String missionId) {
    if (missionId == null || !MISSION_ID.matcher(missionId).matches()) {
      return Optional.empty();
    }
    return database(() -> store.find(missionId));
  }

  private Started awaitFirstRecord(MissionRequest request) {
    long deadline = System.nanoTime() + settings.startTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Mission> stored = database(() -> store.find(request.missionId()));
      if (stored.isPresent()) {
        return new Started(stored.get(), true);
      }
      try {
        TimeUnit.MILLISECONDS.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    // Started, but no worker has picked it up yet: say so instead of pretending.
    Mission pending =
        new Mission(
            request.missionId(),
            request.title(),
            request.risk(),
            MissionStatus.PLANNING,
            request.requestedBy(),
            request.createdAt(),
            request.createdAt(),
            List.of(),
            "started; no worker has recorded it yet (is a worker serving "
                + TaskQueues.MISSIONS
                + "?)");
    return new Started(pending, false);
  }

  private static void requireRunning(Mission mission, String what) {
    if (mission.status().isFinished()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Mission " + mission.missionId() + " is " + mission.status().wire() + "; it " + what,
          mission.reason());
    }
  }

  private <T> T update(Mission mission, Function<MissionWorkflow, T> call) {
    MissionWorkflow workflow = client.newWorkflowStub(MissionWorkflow.class, mission.missionId());
    CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> call.apply(workflow), calls);
    try {
      return result.get(settings.updateTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "The mission workflow did not answer within "
              + settings.updateTimeout().toSeconds()
              + " s",
          "is a worker serving task queue " + TaskQueues.MISSIONS + "?");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted");
    } catch (ExecutionException e) {
      throw translate(mission, e.getCause());
    }
  }

  private static RuntimeException translate(Mission mission, Throwable failure) {
    if (failure instanceof WorkflowUpdateException) {
      Optional<ApplicationFailure> refusal = MissionFailures.find(failure);
      if (refusal.isPresent()) {
        return new ApiException(
            statusOf(refusal.get().getType()),
            refusal.get().getOriginalMessage(),
            mission.missionId());
      }
    }
    if (failure instanceof WorkflowNotFoundException) {
      return new ApiException(
          HttpStatus.CONFLICT,
          "Mission " + mission.missionId() + " is not running in Temporal",
          "stored status: " + mission.status().wire());
    }
    RuntimeException unavailable = unavailable(failure);
    if (unavailable != null) {
      return unavailable;
    }
    return failure instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException(failure);
  }

  private static HttpStatus statusOf(String failureType) {
    if (MissionFailures.NOT_FOUND.equals(failureType)) {
      return HttpStatus.NOT_FOUND;
    }
    if (MissionFailures.FORBIDDEN.equals(failureType)) {
      return HttpStatus.FORBIDDEN;
    }
    return HttpStatus.CONFLICT;
  }

  private static ApiException unavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc
          && (grpc.getStatus().getCode() == Status.Code.UNAVAILABLE
              || grpc.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)) {
        return new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE,
            "Temporal is not reachable",
            grpc.getStatus().toString());
      }
    }
    return null;
  }

  private static <T> T temporal(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      ApiException unavailable = unavailable(e);
      throw unavailable != null ? unavailable : e;
    }
  }

  private static String limited(String field, String value) {
    return limited(field, value, MAX_TEXT);
  }

  private static String limited(String field, String value, int max) {
    if (value.length() > max) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' is longer than " + max + " characters");
    }
    if (max == MAX_ACTOR) {
      singleLine(field, value);
    }
    return value;
  }

  /** A name or title: one line of printable text (no control characters). */
  private static void singleLine(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "'"
                + field
                + "' holds a control character (U+"
                + String.format("%04X", (int) value.charAt(i))
                + ") at position "
                + i,
            "names and titles are one line of text");
      }
    }
  }

  private static <T> T parse(java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  /** Store access; a database failure is a 503 with the reason, never a stack trace. */
  private static <T> T database(SqlCall<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "The mission store is not available", e.getMessage());
    }
  }

  @FunctionalInterface
  private interface SqlCall<T> {
    T run() throws SQLException;
  }

  private String newMissionId() {
    StringBuilder id = new StringBuilder("M-");
    for (int i = 0; i < 10; i++) {
      id.append(ID_ALPHABET[random.nextInt(ID_ALPHABET.length)]);
    }
    return id.toString();
  }
}
