package dev.atomic.workers;

import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On stop (SIGTERM in a rolling update), stops polling and lets the activities and workflow tasks
 * already received finish, for up to {@code ATOMIC_WORKER_SHUTDOWN_TIMEOUT}, before the rest of the
 * process (its database pool among it) closes. Whatever still runs then is interrupted and retried
 * by Temporal on another worker. Without it the factory is only told to shut down as its bean is
 * destroyed, and the JVM exits under running activities.
 */
@Component
class GracefulWorkerShutdown implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GracefulWorkerShutdown.class);

  private final ObjectProvider<WorkerFactory> workerFactory;
  private final Duration timeout;

  GracefulWorkerShutdown(
      ObjectProvider<WorkerFactory> workerFactory,
      @Value("${atomic.workers.shutdown-timeout:30s}") Duration timeout) {
    this.workerFactory = workerFactory;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    // The Temporal starter starts the factory once the application is ready.
  }

  @Override
  public void stop() {
    WorkerFactory factory = workerFactory.getIfAvailable();
    if (factory == null || factory.isShutdown()) {
      return;
    }
    log.info("stopping polling; waiting up to {} for running tasks", timeout);
    factory.shutdown();
    factory.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (!factory.isTerminated()) {
      log.warn("tasks still running after {}; interrupting them for a retry elsewhere", timeout);
      factory.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    WorkerFactory factory = workerFactory.getIfAvailable();
    return factory != null && factory.isStarted() && !factory.isShutdown();
  }

  /** Stops after the queue heartbeat (so this process no longer counts as polling), early. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }
}
