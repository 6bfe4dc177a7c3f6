package dev.atomic.gateway;

import dev.atomic.evidence.EvidenceRedactor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The preflight checker built from {@code atomic.gateway.*}; imported by the API and by worker
 * processes (one bean when both run in one process).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

  @Bean
  Preflight preflight(GatewayProperties properties) {
    return new Preflight(properties.toPolicy());
  }

  /** Secrets in evidence data are redacted before the event is stored and chained. */
  @Bean
  EvidenceRedactor evidenceRedactor(Preflight preflight) {
    return new SecretRedactor(preflight.policy());
  }
}
