package dev.atomic.mission;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One mission, from plan to finalize; each checkpoint waits for a decision. */
@WorkflowInterface
public interface MissionWorkflow {

  @WorkflowMethod(name = MissionMessages.WORKFLOW_TYPE)
  Mission run(MissionRequest request);

  /** Approves a checkpoint; a signal in the wrong state is recorded and ignored. */
  @SignalMethod(name = MissionMessages.SIGNAL_APPROVE)
  void approveCheckpoint(CheckpointSignal signal);

  /** Rejects a checkpoint, which ends the mission; wrong-state signals are recorded, ignored. */
  @SignalMethod(name = MissionMessages.SIGNAL_REJECT)
  void rejectCheckpoint(CheckpointSignal signal);

  /** Approves or rejects a checkpoint and returns the mission once the decision took effect. */
  @UpdateMethod(name = MissionMessages.UPDATE_DECIDE)
  Mission decideCheckpoint(CheckpointDecisionRequest request);

  @UpdateValidatorMethod(updateName = MissionMessages.UPDATE_DECIDE)
  void validateDecision(CheckpointDecisionRequest request);

  /** Registers a batch while the execute checkpoint is open. */
  @UpdateMethod(name = MissionMessages.UPDATE_REGISTER_BATCH)
  Batch registerBatch(BatchRequest request);

  @UpdateValidatorMethod(updateName = MissionMessages.UPDATE_REGISTER_BATCH)
  void validateBatch(BatchRequest request);

  /** Rolls a reversible batch back. */
  @UpdateMethod(name = MissionMessages.UPDATE_ROLLBACK)
  RollbackResult rollbackBatch(RollbackRequest request);

  @UpdateValidatorMethod(updateName = MissionMessages.UPDATE_ROLLBACK)
  void validateRollback(RollbackRequest request);

  /** Gives a governed mission created without one its ChangeSpec; planning starts then. */
  @UpdateMethod(name = MissionMessages.UPDATE_CHANGESPEC)
  Mission attachChangeSpec(ChangeSpecRequest request);

  @UpdateValidatorMethod(updateName = MissionMessages.UPDATE_CHANGESPEC)
  void validateChangeSpec(ChangeSpecRequest request);

  @QueryMethod(name = MissionMessages.QUERY_MISSION)
  Mission getMission();
}
