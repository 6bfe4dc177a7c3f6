package dev.atomic.gateway;

import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.platform.AtomicMetrics;
import org.springframework.beans.factory.ObjectProvider;
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
  Preflight preflight(GatewayProperties properties, ObjectProvider<AtomicMetrics> metrics) {
    return new Preflight(properties.toPolicy(), metrics.getIfAvailable(AtomicMetrics::none));
  }

  /** Secrets in evidence data are redacted before the event is stored and chained. */
  @Bean
  EvidenceRedactor evidenceRedactor(Preflight preflight) {
    return new SecretRedactor(preflight.policy());
  }
}
