package dev.atomic.evidence;

import java.util.Set;

/** Names of evidence event types; the first seven are the original system's. */
public final class EventTypes {
  public static final String MISSION_CREATED = "MissionCreated";
  public static final String CHECKPOINT_APPROVED = "CheckpointApproved";
  public static final String CHECKPOINT_REJECTED = "CheckpointRejected";
  public static final String BATCH_EXECUTED = "BatchExecuted";
  public static final String ROLLBACK_APPLIED = "RollbackApplied";
  public static final String BUDGET_BREACHED = "BudgetBreached";
  public static final String AUDIT_PACK_GENERATED = "AuditPackGenerated";

  public static final String CHECKPOINT_OPENED = "CheckpointOpened";
  public static final String VERIFICATION_COMPLETED = "VerificationCompleted";
  public static final String BATCH_REGISTERED = "BatchRegistered";
  public static final String SIGNAL_IGNORED = "SignalIgnored";
  public static final String MISSION_COMPLETED = "MissionCompleted";
  public static final String MISSION_REJECTED = "MissionRejected";
  public static final String MISSION_EXPIRED = "MissionExpired";
  public static final String MISSION_FAILED = "MissionFailed";
  public static final String PLAN_PREPARED = "PlanPrepared";
  public static final String CHANGESPEC_ATTACHED = "ChangeSpecAttached";

  /**
   * The types the platform records itself. {@code POST /evidence/events} refuses them, so an
   * external producer cannot, say, post a checkpoint approval that no one gave.
   */
  public static final Set<String> RECORDED_BY_PLATFORM =
      Set.of(
          MISSION_CREATED,
          CHECKPOINT_APPROVED,
          CHECKPOINT_REJECTED,
          BATCH_EXECUTED,
          ROLLBACK_APPLIED,
          BUDGET_BREACHED,
          AUDIT_PACK_GENERATED,
          CHECKPOINT_OPENED,
          VERIFICATION_COMPLETED,
          BATCH_REGISTERED,
          SIGNAL_IGNORED,
          MISSION_COMPLETED,
          MISSION_REJECTED,
          MISSION_EXPIRED,
          MISSION_FAILED,
          PLAN_PREPARED,
          CHANGESPEC_ATTACHED);

  private EventTypes() {}
}
