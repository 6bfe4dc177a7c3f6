package dev.atomic.platform;

/** Temporal task queue names; which of them a worker process serves is configuration. */
public final class TaskQueues {
  public static final String MISSIONS = "atomic-missions";
  public static final String GATEWAY = "atomic-gateway";
  public static final String DTE = "atomic-dte";
  public static final String FINOPS = "atomic-finops";
  public static final String EVIDENCE = "atomic-evidence";

  /** Every queue, in the order a worker that serves them all lists them. */
  public static final java.util.List<String> ALL =
      java.util.List.of(MISSIONS, GATEWAY, DTE, FINOPS, EVIDENCE);

  private TaskQueues() {}
}
