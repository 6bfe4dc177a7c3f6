package dev.atomic.api.web;

import dev.atomic.api.security.Caller;
import dev.atomic.api.security.JsonResponses;
import dev.atomic.platform.Database;
import dev.atomic.platform.Maintenance;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;

/**
 * Maintenance mode (runbook "Maintenance Windows"): {@code GET|PUT /admin/maintenance} (role
 * admin); while it is on, {@code POST /missions} answers 503 with {@code Retry-After} and the
 * reason, and everything else (decisions, batches, running missions) goes on.
 */
@RestController
class MaintenanceController {

  /** Seconds a client is told to wait before trying again. */
  static final int RETRY_AFTER = 300;

  private static final Set<String> FIELDS = Set.of("active", "reason");

  private final Maintenance maintenance;

  MaintenanceController(Maintenance maintenance) {
    this.maintenance = maintenance;
  }

  @GetMapping("/admin/maintenance")
  Map<String, Object> get() {
    return view(read(maintenance::state));
  }

  /** {@code {"active": true, "reason": "database upgrade until 22:00"}}. */
  @PutMapping("/admin/maintenance")
  Map<String, Object> set(@RequestBody(required = false) JsonNode body) {
    JsonBodies.object(body, FIELDS, "{\"active\": true, \"reason\": \"database upgrade\"}");
    JsonNode active = body.get("active");
    if (active == null || !active.isBoolean()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'active' must be true or false");
    }
    String reason = body.hasNonNull("reason") ? body.get("reason").asString().strip() : null;
    if (reason != null && reason.length() > 500) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'reason' is longer than 500 characters");
    }
    String by = Caller.current().name();
    return view(read(() -> maintenance.set(active.asBoolean(), reason, by)));
  }

  private interface Read<T> {
    T get() throws SQLException;
  }

  private static <T> T read(Read<T> read) {
    try {
      return read.get();
    } catch (SQLException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", e.getMessage());
    }
  }

  static Map<String, Object> view(Maintenance.State state) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("active", state.active());
    view.put("reason", state.reason());
    view.put("changedBy", state.changedBy());
    view.put("changedAt", state.changedAt() == null ? null : state.changedAt().toString());
    return view;
  }

  @Configuration(proxyBeanMethods = false)
  static class Wiring {

    @Bean
    Maintenance maintenance(DataSource dataSource) {
      return new Maintenance(new Database(dataSource), Clock.systemUTC());
    }

    /** Refuses new missions while maintenance is on; reads the state once per such request. */
    @Bean
    OncePerRequestFilter maintenanceGate(Maintenance maintenance) {
      return new OncePerRequestFilter() {
        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
          return !("POST".equals(request.getMethod())
              && "/missions".equals(request.getRequestURI()));
        }

        @Override
        protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
          Maintenance.State state;
          try {
            state = maintenance.state();
          } catch (SQLException e) {
            chain.doFilter(request, response);
            return;
          }
          if (!state.active()) {
            chain.doFilter(request, response);
            return;
          }
          response.setHeader("Retry-After", String.valueOf(RETRY_AFTER));
          JsonResponses.write(
              response,
              HttpServletResponse.SC_SERVICE_UNAVAILABLE,
              "Maintenance in progress: no new missions",
              "running missions go on; new ones start when maintenance ends"
                  + (state.reason() == null ? "" : " (" + state.reason() + ")"));
        }
      };
    }
  }
}
