package dev.atomic.api.temporal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.atomic.api.web.ApiException;
import dev.atomic.mission.Checkpoint;
import dev.atomic.mission.CheckpointStatus;
import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionStore;
import dev.atomic.platform.Maintenance;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What holds a drain up (runbook "Maintenance Windows", step 3): {@code GET /admin/drain} lists
 * every open workflow with an activity scheduled or running, and apart from them the workflows that
 * only wait (missions waiting for a human, alerts waiting for their next step), which do not hold a
 * drain up: their state is in Temporal and survives a restart. {@code drained} is true when no
 * activity is pending. {@code atomic admin drain --wait} polls it.
 */
@RestController
class DrainController {

  /** The most open workflows one answer looks at; more are reported as {@code truncated}. */
  static final int LIMIT = 2_000;

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final MissionStore missions;
  private final Maintenance maintenance;

  DrainController(
      WorkflowServiceStubs stubs,
      @Value("${spring.temporal.namespace:default}") String namespace,
      MissionStore missions,
      Maintenance maintenance) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.missions = missions;
    this.maintenance = maintenance;
  }

  @GetMapping("/admin/drain")
  Map<String, Object> drain() {
    List<Map<String, Object>> running = new ArrayList<>();
    List<Map<String, Object>> waiting = new ArrayList<>();
    boolean truncated = false;
    try {
      ByteString page = ByteString.EMPTY;
      int seen = 0;
      do {
        ListOpenWorkflowExecutionsResponse open =
            stubs
                .blockingStub()
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .listOpenWorkflowExecutions(
                    ListOpenWorkflowExecutionsRequest.newBuilder()
                        .setNamespace(namespace)
                        .setMaximumPageSize(500)
                        .setNextPageToken(page)
                        .build());
        for (WorkflowExecutionInfo info : open.getExecutionsList()) {
          if (++seen > LIMIT) {
            truncated = true;
            break;
          }
          classify(info, running, waiting);
        }
        page = open.getNextPageToken();
      } while (!page.isEmpty() && !truncated);
    } catch (StatusRuntimeException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Temporal is unavailable",
          "cannot list the open workflows: " + e.getStatus().getCode());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("drained", running.isEmpty());
    answer.put("maintenance", maintenanceActive());
    answer.put("running", running);
    answer.put("waiting", waiting);
    if (truncated) {
      answer.put("truncated", true);
    }
    return answer;
  }

  private void classify(
      WorkflowExecutionInfo info,
      List<Map<String, Object>> running,
      List<Map<String, Object>> waiting) {
    DescribeWorkflowExecutionResponse described;
    try {
      described =
          stubs
              .blockingStub()
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(info.getExecution())
                      .build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return; // closed between the list and the describe
      }
      throw e;
    }
    Map<String, Object> workflow = new LinkedHashMap<>();
    workflow.put("workflowId", info.getExecution().getWorkflowId());
    workflow.put("workflowType", info.getType().getName());
    workflow.put("startedAt", instant(info.getStartTime()));
    Optional<Mission> mission = mission(info.getExecution().getWorkflowId());
    Optional<String> human = mission.flatMap(DrainController::awaitedCheckpoint);
    boolean betweenSteps =
        described.getPendingActivitiesCount() == 0
            && (described.hasPendingWorkflowTask()
                || (mission.isPresent()
                    && human.isEmpty()
                    && !mission.get().status().isFinished()));
    if (described.getPendingActivitiesCount() > 0 || betweenSteps) {
      List<Map<String, Object>> activities = new ArrayList<>();
      if (betweenSteps) {
        // Progressing between two activities: the next is about to be scheduled.
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("activityType", "(next step)");
        next.put("state", "scheduled");
        next.put("attempt", 1);
        activities.add(next);
      }
      for (PendingActivityInfo pending : described.getPendingActivitiesList()) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("activityType", pending.getActivityType().getName());
        activity.put(
            "state",
            pending
                .getState()
                .name()
                .replace("PENDING_ACTIVITY_STATE_", "")
                .toLowerCase(Locale.ROOT));
        activity.put("attempt", pending.getAttempt());
        if (pending.hasLastStartedTime()) {
          activity.put("startedAt", instant(pending.getLastStartedTime()));
        }
        if (pending.hasLastHeartbeatTime()) {
          activity.put("lastHeartbeatAt", instant(pending.getLastHeartbeatTime()));
        }
        activities.add(activity);
      }
      workflow.put("activities", activities);
      running.add(workflow);
    } else {
      human
          .or(() -> mission.map(m -> "mission " + m.status().wire()))
          .ifPresent(what -> workflow.put("waitingFor", what));
      waiting.add(workflow);
    }
  }

  private Optional<Mission> mission(String workflowId) {
    try {
      return missions.find(workflowId);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  /** {@code a human at plan} for a mission with a checkpoint awaiting approval. */
  private static Optional<String> awaitedCheckpoint(Mission mission) {
    for (Checkpoint checkpoint : mission.checkpoints()) {
      if (checkpoint.status() == CheckpointStatus.AWAITING_APPROVAL) {
        return Optional.of("a human at " + checkpoint.name().wire());
      }
    }
    return Optional.empty();
  }

  private Boolean maintenanceActive() {
    try {
      return maintenance.state().active();
    } catch (SQLException e) {
      return null;
    }
  }

  private static String instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
  }
}
