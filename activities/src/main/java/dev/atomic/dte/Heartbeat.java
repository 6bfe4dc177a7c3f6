package dev.atomic.dte;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an activity's heartbeat going while long work runs (a PIT analysis, a large plan),
 * reporting the latest progress, so a worker that dies is noticed within the heartbeat timeout and
 * its activity retried elsewhere. Outside an activity (CLI, tests) it only records progress.
 */
final class Heartbeat implements AutoCloseable {

  /** How often the heartbeat goes out; Temporal throttles it further. */
  static final long INTERVAL_SECONDS = 5;

  private final ActivityExecutionContext context;
  private final ScheduledExecutorService timer;
  private volatile String progress;

  private Heartbeat(ActivityExecutionContext context, String first) {
    this.context = context;
    this.progress = first;
    if (context == null) {
      timer = null;
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "dte-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleAtFixedRate(this::beat, 0, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  /** Starts heartbeating for the current activity, if there is one. */
  static Heartbeat start(String first) {
    ActivityExecutionContext context;
    try {
      context = Activity.getExecutionContext();
    } catch (IllegalStateException notInAnActivity) {
      context = null;
    }
    return new Heartbeat(context, first);
  }

  /** The latest progress, sent with the next heartbeat. */
  void progress(String message) {
    progress = message;
  }

  private void beat() {
    try {
      context.heartbeat(progress);
    } catch (RuntimeException e) {
      // cancelled or timed out: the server has given the activity up; the work ends on its own
    }
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
