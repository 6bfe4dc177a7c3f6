package dev.atomic.api.dte;

import dev.atomic.api.web.ApiException;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DteActivitiesImpl;
import dev.atomic.dte.DteException;
import dev.atomic.dte.DteJobResult;
import dev.atomic.dte.DteJobWorkflow;
import dev.atomic.dte.DteRequest;
import dev.atomic.platform.TaskQueues;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The DTE endpoints. Jobs run as a {@code DteJobWorkflow} on task queue {@code atomic-dte}, so
 * transformation work happens on DTE workers; the call waits up to 60 s, then answers 202.
 */
@RestController
class DteController {

  private static final Pattern JOB_ID = Pattern.compile("dte-[0-9a-f-]{36}");
  private static final long WAIT_SECONDS = 60;

  private final WorkflowClient client;

  DteController(WorkflowClient client) {
    this.client = client;
  }

  @GetMapping(value = "/dte/schema", produces = "application/schema+json")
  String schema() {
    return ChangeSpecValidator.schema();
  }

  /**
   * Accepts a bare ChangeSpec (as the original) or {@code {spec, workingDir, dryRun, batchSize}}.
   */
  @PostMapping(value = "/dte/apply", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> apply(@RequestBody(required = false) JsonNode body) {
    return start(DteRequest.APPLY, body);
  }

  /** Accepts {@code {spec, workingDir}} (as the original) or a bare ChangeSpec. */
  @PostMapping(value = "/dte/verify", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> verify(@RequestBody(required = false) JsonNode body) {
    return start(DteRequest.VERIFY, body);
  }

  private ResponseEntity<?> start(String operation, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "Request body must be a ChangeSpec or {spec, workingDir, dryRun}");
    }
    boolean envelope = body.has("spec");
    JsonNode specNode = envelope ? body.get("spec") : body;
    ChangeSpec spec;
    try {
      spec = ChangeSpecValidator.parse(specNode);
    } catch (DteException e) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT, "Invalid ChangeSpec", String.join("; ", e.reasons()));
    }
    boolean dryRun = (envelope ? body : specNode).path("dryRun").asBoolean(false);
    String workingDir =
        body.path("workingDir").isString() ? body.get("workingDir").asString() : null;
    String repository =
        body.path("repository").isString() ? body.get("repository").asString() : null;
    String ref = body.path("ref").isString() ? body.get("ref").asString() : null;
    if (workingDir != null && repository != null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Give workingDir or repository, not both");
    }
    String jobId = "dte-" + UUID.randomUUID();
    DteJobWorkflow job =
        client.newWorkflowStub(
            DteJobWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(jobId).setTaskQueue(TaskQueues.DTE).build());
    int batchSize = body.path("batchSize").asInt(0);
    List<String> classpath = classpath(body);
    WorkflowClient.start(
        job::run,
        new DteRequest(operation, spec, workingDir, repository, ref, dryRun, batchSize, classpath));
    return result(jobId, WAIT_SECONDS);
  }

  /** {@code classpath}: an array of jar or class-directory paths, checked by the worker. */
  private static List<String> classpath(JsonNode body) {
    JsonNode node = body.path("classpath");
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (!node.isArray() || node.size() > 1000) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "classpath must be an array of at most 1000 paths");
    }
    List<String> entries = new java.util.ArrayList<>();
    for (JsonNode entry : node) {
      if (!entry.isString() || entry.asString().isBlank() || entry.asString().length() > 4096) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "classpath entries must be non-empty strings (paths of jars or class directories)");
      }
      entries.add(entry.asString());
    }
    return entries;
  }

  @GetMapping(value = "/dte/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> job(@PathVariable String jobId) {
    if (!JOB_ID.matcher(jobId).matches()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "Job not found", jobId);
    }
    WorkflowStub stub = client.newUntypedWorkflowStub(jobId);
    try {
      if (stub.describe().getStatus()
          == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return accepted(jobId);
      }
    } catch (WorkflowNotFoundException e) {
      throw new ApiException(HttpStatus.NOT_FOUND, "Job not found", jobId);
    }
    return result(jobId, 5);
  }

  private ResponseEntity<?> result(String jobId, long waitSeconds) {
    WorkflowStub stub = client.newUntypedWorkflowStub(jobId);
    try {
      DteJobResult result = stub.getResult(waitSeconds, TimeUnit.SECONDS, DteJobResult.class);
      return ResponseEntity.ok(result.applied() != null ? result.applied() : result.verified());
    } catch (TimeoutException e) {
      return accepted(jobId);
    } catch (WorkflowException e) {
      throw refusal(e);
    }
  }

  private static ResponseEntity<?> accepted(String jobId) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", "/dte/jobs/" + jobId)
        .body(Map.of("jobId", jobId, "status", "running"));
  }

  private static ApiException refusal(WorkflowException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApplicationFailure failure) {
        String details = failure.getOriginalMessage();
        try {
          @SuppressWarnings("unchecked")
          List<String> reasons = failure.getDetails().get(0, List.class);
          details = String.join("; ", reasons);
        } catch (RuntimeException ignored) {
          // no structured reasons: the message says it
        }
        return switch (failure.getType()) {
          case DteActivitiesImpl.INVALID ->
              new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid ChangeSpec", details);
          case DteActivitiesImpl.UNSUPPORTED ->
              new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Not supported", details);
          case DteActivitiesImpl.REFUSED ->
              new ApiException(HttpStatus.CONFLICT, "Change refused", details);
          default -> new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "DTE job failed", details);
        };
      }
    }
    return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "DTE job failed", e.getMessage());
  }
}
