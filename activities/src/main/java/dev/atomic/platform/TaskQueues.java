package dev.atomic.platform;

/** Temporal task queue names; which of them a worker process serves is configuration. */
public final class TaskQueues {
  public static final String MISSIONS = "atomic-missions";
  public static final String GATEWAY = "atomic-gateway";
  public static final String DTE = "atomic-dte";
  public static final String FINOPS = "atomic-finops";
  public static final String EVIDENCE = "atomic-evidence";

  private TaskQueues() {}
}
