package dev.atomic.api.web;

import dev.atomic.platform.Database;
import dev.atomic.platform.TaskQueues;
import dev.atomic.platform.WorkerHeartbeats;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runbook's {@code curl http://localhost:300x/health}: {@code {"status":"healthy","service":
 * name, "checks": {…}}} when the service on that port can serve, 503 with {@code "unhealthy"} and
 * the failing check when it cannot. Every service needs the database and Temporal; the
 * orchestrator, DTE, FinOps and evidence services also need a live worker on their task queue (from
 * the heartbeats workers write). Liveness stays cheap at {@code /actuator/health/liveness}.
 */
@RestController
class HealthController {

  /** The task queue whose workers a service needs. */
  private static final Map<String, String> QUEUES =
      Map.of(
          "orchestrator", TaskQueues.MISSIONS,
          "dte", TaskQueues.DTE,
          "finops", TaskQueues.FINOPS,
          "evidence", TaskQueues.EVIDENCE);

  private final ServicePorts ports;
  private final Database database;
  private final WorkerHeartbeats heartbeats;
  private final ObjectProvider<WorkflowServiceStubs> temporal;

  HealthController(
      ServicePorts ports, DataSource dataSource, ObjectProvider<WorkflowServiceStubs> temporal) {
    this.ports = ports;
    this.database = new Database(dataSource);
    this.heartbeats = new WorkerHeartbeats(database, Clock.systemUTC());
    this.temporal = temporal;
  }

  @GetMapping("/health")
  ResponseEntity<Map<String, Object>> health(HttpServletRequest request) {
    String service = ports.byPort().getOrDefault(request.getLocalPort(), "atomic");
    Map<String, String> checks = new LinkedHashMap<>();
    boolean ok = check(checks, "database", this::database);
    ok &= check(checks, "temporal", this::temporal);
    String queue = QUEUES.get(service);
    if (queue != null) {
      ok &= check(checks, "workers", () -> workers(queue));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ok ? "healthy" : "unhealthy");
    body.put("service", service);
    body.put("checks", checks);
    return ResponseEntity.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }

  private interface Check {
    /** What was found when the check passes; throws with the reason when it does not. */
    String run() throws Exception;
  }

  private static boolean check(Map<String, String> checks, String name, Check check) {
    try {
      checks.put(name, "up: " + check.run());
      return true;
    } catch (Exception e) {
      checks.put(
          name,
          "down: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      return false;
    }
  }

  private String database() throws Exception {
    if (!database.read(c -> c.isValid(2))) {
      throw new IllegalStateException("the database does not answer");
    }
    return "answers";
  }

  private String temporal() {
    WorkflowServiceStubs stubs = temporal.getIfAvailable();
    if (stubs == null) {
      throw new IllegalStateException("no Temporal client in this process");
    }
    HealthCheckResponse response = stubs.healthCheck();
    if (response.getStatus() != HealthCheckResponse.ServingStatus.SERVING) {
      throw new IllegalStateException("Temporal is " + response.getStatus());
    }
    return "serving";
  }

  private String workers(String queue) throws Exception {
    WorkerHeartbeats.Queue state = heartbeats.queue(queue);
    if (state.liveWorkers() == 0) {
      throw new IllegalStateException(
          "no worker has polled "
              + queue
              + " in the last "
              + WorkerHeartbeats.LIVE.toSeconds()
              + " s (start one: atomic worker --queues "
              + queue
              + ")");
    }
    long ago = state.lastSeen().map(t -> Duration.between(t, Instant.now()).toSeconds()).orElse(0L);
    return state.liveWorkers()
        + " worker(s) on "
        + queue
        + ", last seen "
        + Math.max(0, ago)
        + " s ago";
  }
}
