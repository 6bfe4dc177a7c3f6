package dev.atomic.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every Atomic process shares, imported by the API and the workers (one bean when both run in
 * one process): the platform's meters and the correlation id's propagation through Temporal.
 */
@Configuration(proxyBeanMethods = false)
public class PlatformConfiguration {

  @Bean
  AtomicMetrics atomicMetrics(MeterRegistry registry) {
    return new AtomicMetrics(registry);
  }

  /**
   * The request's correlation id travels with the workflows it starts and on to their activities
   * (the workers' client is this one, or one built from the same configuration).
   */
  @Bean
  TemporalOptionsCustomizer<WorkflowClientOptions.Builder> correlationPropagation() {
    return builder -> builder.setContextPropagators(List.of(new CorrelationPropagator()));
  }
}
