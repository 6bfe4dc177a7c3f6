package dev.atomic.finops;

import java.util.List;

/** Where thresholds that a budget change reached are sent: the alert workflow, in production. */
@FunctionalInterface
public interface AlertSink {

  /** Drops alerts: for tools that only read, and tests of other things. */
  AlertSink NONE = alerts -> {};

  /** Starts the alert of each; an alert already started is not started again. */
  void fire(List<BudgetAlert> alerts);
}
