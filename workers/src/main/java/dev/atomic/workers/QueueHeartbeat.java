package dev.atomic.workers;

import dev.atomic.platform.Database;
import dev.atomic.platform.WorkerHeartbeats;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reports the task queues this process polls every {@link WorkerHeartbeats#INTERVAL}, so that the
 * REST facade's health check knows which queues have a live worker. Nothing is reported when the
 * process does not poll ({@code ATOMIC_WORKERS_ENABLED=false}).
 */
@Component
class QueueHeartbeat implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(QueueHeartbeat.class);

  private final WorkerHeartbeats heartbeats;
  private final List<String> queues = new ArrayList<>();
  private final String workerId;
  private ScheduledExecutorService timer;

  QueueHeartbeat(DataSource dataSource, Environment environment) {
    this.heartbeats = new WorkerHeartbeats(new Database(dataSource), Clock.systemUTC());
    if (environment.getProperty("spring.temporal.start-workers", Boolean.class, true)) {
      for (int i = 0;
          environment.containsProperty("spring.temporal.workers[" + i + "].task-queue");
          i++) {
        queues.add(environment.getProperty("spring.temporal.workers[" + i + "].task-queue"));
      }
    }
    this.workerId =
        host()
            + "/"
            + ManagementFactory.getRuntimeMXBean().getPid()
            + "/"
            + System.identityHashCode(this);
  }

  @Override
  public synchronized void start() {
    if (queues.isEmpty() || timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "atomic-queue-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(
        this::beat, 0, WorkerHeartbeats.INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void beat() {
    try {
      heartbeats.beat(workerId, queues);
    } catch (SQLException | RuntimeException e) {
      log.warn("cannot record this worker's heartbeat: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }

  /** After the Temporal workers have started: a heartbeat means the queues are polled. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      return "unknown-host";
    }
  }
}
