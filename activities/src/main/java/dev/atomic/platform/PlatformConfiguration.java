package dev.atomic.platform;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every Atomic process shares, imported by the API and the workers (one bean when both run in
 * one process): the platform's meters.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

  @Bean
  AtomicMetrics atomicMetrics(MeterRegistry registry) {
    return new AtomicMetrics(registry);
  }
}
