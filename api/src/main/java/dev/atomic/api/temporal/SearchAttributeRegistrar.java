package dev.atomic.api.temporal;

import dev.atomic.mission.MissionSearchAttributes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registers the mission search attributes at start-up where the server allows it. Where it does not
 * (no permission, or an older server), missions run without them rather than stall on an unknown
 * attribute.
 */
@Component
public class SearchAttributeRegistrar {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistrar.class);

  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private volatile Boolean available;

  SearchAttributeRegistrar(
      WorkflowServiceStubs stubs, @Value("${spring.temporal.namespace:default}") String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
  }

  /** True when the server knows all mission search attributes; registers them on first use. */
  public boolean available() {
    Boolean known = available;
    return known != null ? known : register();
  }

  private synchronized boolean register() {
    if (available != null) {
      return available;
    }
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder(stubs.getOptions())
                .validateAndBuildWithDefaults());
    try {
      MissionSearchAttributes.register(
          operator,
          namespace,
          Duration.ofSeconds(30),
          (name, isNew) -> {
            if (isNew) {
              log.info("registered search attribute {}", name);
            }
          });
      available = true;
      return true;
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
        throw e; // Temporal is not reachable: decide again on the next call.
      }
      log.warn(
          "search attributes {} could not be registered ({}); missions run without them",
          MissionSearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList(),
          code);
      available = false;
      return false;
    } finally {
      operator.shutdown();
    }
  }
}
