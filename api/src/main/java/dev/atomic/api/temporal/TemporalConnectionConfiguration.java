package dev.atomic.api.temporal;

import dev.atomic.platform.TemporalConnection;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** TLS, mTLS and API key settings for the API's Temporal client (docs/configuration.md). */
@Configuration(proxyBeanMethods = false)
class TemporalConnectionConfiguration {

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> apiTemporalConnection(
      Environment environment) {
    TemporalConnection connection = TemporalConnection.from(environment::getProperty);
    return connection::applyTo;
  }
}
