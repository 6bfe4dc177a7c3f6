package dev.atomic.api.mission;

import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionStatus;
import dev.atomic.mission.MissionStore;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks {@code failed} every mission the database shows active but Temporal no longer
 * runs, with the reason. The embedded server keeps no history across restarts, and a mission must
 * never be silently lost.
 */
@Component
class MissionReconciler {

  private static final Logger log = LoggerFactory.getLogger(MissionReconciler.class);

  private final MissionStore store;
  private final WorkflowServiceStubs stubs;
  private final String namespace;

  MissionReconciler(
      MissionStore store,
      WorkflowServiceStubs stubs,
      @Value("${spring.temporal.namespace:default}") String namespace) {
    this.store = store;
    this.stubs = stubs;
    this.namespace = namespace;
  }

  @EventListener(ApplicationReadyEvent.class)
  void reconcile() {
    try {
      EnumSet<MissionStatus> active = EnumSet.noneOf(MissionStatus.class);
      EnumSet.allOf(MissionStatus.class).stream().filter(s -> !s.isFinished()).forEach(active::add);
      List<Mission> missions = store.list(active, 10_000);
      int failed = 0;
      for (Mission mission : missions) {
        String reason = lost(mission.missionId());
        if (reason != null && store.markFailed(mission.missionId(), reason).isPresent()) {
          failed++;
          log.warn("mission {} marked failed: {}", mission.missionId(), reason);
        }
      }
      if (failed > 0) {
        log.warn(
            "{} active mission(s) were no longer known to Temporal and are now failed", failed);
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("could not reconcile missions with Temporal: {}", e.getMessage());
    }
  }

  /** Why the mission's workflow can no longer run, or null when it still runs. */
  private String lost(String missionId) {
    try {
      WorkflowExecutionStatus status =
          stubs
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(namespace)
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(missionId))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
      if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return null;
      }
      return "its workflow ended as "
          + status.name().replace("WORKFLOW_EXECUTION_STATUS_", "")
          + " before the mission finished";
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return "the Temporal server no longer knows its workflow (the embedded dev server keeps"
            + " no history across restarts)";
      }
      throw e;
    }
  }
}
