package dev.atomic.workers;

import io.temporal.worker.WorkerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports whether this process polls its task queues (health key {@code workers}). */
@Component("workersHealthIndicator")
class WorkersHealthIndicator extends AbstractHealthIndicator {

  private final ObjectProvider<WorkerFactory> workerFactory;
  private final boolean enabled;

  WorkersHealthIndicator(
      ObjectProvider<WorkerFactory> workerFactory,
      @Value("${spring.temporal.start-workers:true}") boolean enabled) {
    this.workerFactory = workerFactory;
    this.enabled = enabled;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    WorkerFactory factory = workerFactory.getIfAvailable();
    if (!enabled) {
      builder.up().withDetail("workers", "disabled in this process");
    } else if (factory == null) {
      builder.down().withDetail("workers", "no worker factory configured");
    } else if (factory.isShutdown() || factory.isTerminated()) {
      builder.down().withDetail("workers", "shut down");
    } else if (factory.isStarted()) {
      builder.up().withDetail("workers", "polling");
    } else {
      builder.outOfService().withDetail("workers", "starting");
    }
  }
}
