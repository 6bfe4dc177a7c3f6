package dev.atomic.cli.mission;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.mission.CheckpointName;
import dev.atomic.mission.CheckpointSignal;
import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionWorkflow;
import dev.atomic.platform.TemporalConnection;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/** Reaches a mission workflow directly through Temporal: query and signals. */
public final class TemporalMissions implements AutoCloseable {

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  /** Connects with the TLS and API key settings of the {@code TEMPORAL_*} variables. */
  public TemporalMissions(String address, String namespace) {
    this(address, namespace, connection());
  }

  public TemporalMissions(String address, String namespace, TemporalConnection connection) {
    this.stubs =
        WorkflowServiceStubs.newServiceStubs(
            connection
                .applyTo(
                    WorkflowServiceStubsOptions.newBuilder()
                        .setTarget(address)
                        .setRpcTimeout(Duration.ofSeconds(10))
                        .setRpcQueryTimeout(Duration.ofSeconds(10)))
                .build());
    this.client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  private static TemporalConnection connection() {
    try {
      return TemporalConnection.from(System::getenv);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
  }

  public Mission mission(String missionId) {
    try {
      Mission mission = client.newWorkflowStub(MissionWorkflow.class, missionId).getMission();
      if (mission == null) {
        throw new CliException(ExitCodes.CONFLICT, "mission " + missionId + " is still starting");
      }
      return mission;
    } catch (WorkflowNotFoundException e) {
      throw new CliException(ExitCodes.NOT_FOUND, "Mission not found: " + missionId);
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * Sends the approve or reject signal.
   *
   * @param token the decision token the API issued for this decision ({@link
   *     AtomicClient#decisionToken}); without one the mission records the signal as ignored
   */
  public void signal(
      String missionId,
      boolean approve,
      CheckpointName checkpoint,
      String actor,
      String comment,
      String token) {
    MissionWorkflow workflow = client.newWorkflowStub(MissionWorkflow.class, missionId);
    CheckpointSignal signal = new CheckpointSignal(checkpoint.wire(), actor, comment, token);
    try {
      if (approve) {
        workflow.approveCheckpoint(signal);
      } else {
        workflow.rejectCheckpoint(signal);
      }
    } catch (WorkflowNotFoundException e) {
      throw new CliException(ExitCodes.CONFLICT, "mission " + missionId + " is no longer running");
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private static CliException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException grpc) {
        Status.Code code = grpc.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE) {
          return new CliException(
              ExitCodes.FAILED, "Temporal is not reachable: " + grpc.getStatus().getDescription());
        }
        if (code == Status.Code.DEADLINE_EXCEEDED) {
          return new CliException(
              ExitCodes.FAILED,
              "no worker answered in time (is a worker serving atomic-missions?)");
        }
        if (code == Status.Code.NOT_FOUND) {
          return new CliException(ExitCodes.NOT_FOUND, "Mission not found");
        }
      }
    }
    return new CliException(ExitCodes.FAILED, e.getMessage());
  }

  @Override
  public void close() {
    stubs.shutdown();
  }
}
