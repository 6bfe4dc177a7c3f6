package dev.atomic.api.temporal;

import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Whether the Temporal frontend answers its gRPC health check (health key {@code temporal}). */
@Component("temporal")
class TemporalHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowServiceStubs stubs;

  TemporalHealthIndicator(WorkflowServiceStubs stubs) {
    this.stubs = stubs;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    HealthCheckResponse response = stubs.healthCheck();
    String target = stubs.getOptions().getTarget();
    if (response.getStatus() == HealthCheckResponse.ServingStatus.SERVING) {
      builder.up().withDetail("target", target);
    } else {
      builder.down().withDetail("target", target).withDetail("status", response.getStatus().name());
    }
  }
}
