package dev.atomic.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The original system's liveness endpoint: {@code {"status":"healthy","service":name}}. */
@RestController
class HealthController {

  private final ServicePorts ports;

  HealthController(ServicePorts ports) {
    this.ports = ports;
  }

  @GetMapping("/health")
  Map<String, String> health(HttpServletRequest request) {
    String service = ports.byPort().getOrDefault(request.getLocalPort(), "atomic");
    return Map.of("status", "healthy", "service", service);
  }
}
