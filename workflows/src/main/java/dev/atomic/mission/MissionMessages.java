package dev.atomic.mission;

/** Names of the mission workflow's signals, updates and query: a contract other clients use. */
public final class MissionMessages {
  public static final String WORKFLOW_TYPE = "MissionWorkflow";
  public static final String SIGNAL_APPROVE = "approveCheckpoint";
  public static final String SIGNAL_REJECT = "rejectCheckpoint";
  public static final String UPDATE_DECIDE = "decideCheckpoint";
  public static final String UPDATE_REGISTER_BATCH = "registerBatch";
  public static final String UPDATE_ROLLBACK = "rollbackBatch";
  public static final String UPDATE_CHANGESPEC = "attachChangeSpec";
  public static final String QUERY_MISSION = "getMission";

  private MissionMessages() {}
}
