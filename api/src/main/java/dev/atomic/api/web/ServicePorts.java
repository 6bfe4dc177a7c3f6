package dev.atomic.api.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The runbook's per-service ports. The API answers every endpoint on each of them, so the original
 * system's scripts keep working; {@code GET /health} names the service of the port.
 *
 * @param enabled open the service ports besides the main port
 */
@ConfigurationProperties("atomic.ports")
public record ServicePorts(
    boolean enabled, int gateway, int orchestrator, int dte, int finops, int evidence) {

  /** Service name by port, in the runbook's order. */
  public Map<Integer, String> byPort() {
    Map<Integer, String> ports = new LinkedHashMap<>();
    ports.put(gateway, "gateway");
    ports.put(orchestrator, "orchestrator");
    ports.put(dte, "dte");
    ports.put(finops, "finops");
    ports.put(evidence, "evidence");
    return ports;
  }
}
