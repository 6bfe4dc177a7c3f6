package dev.atomic.api;

import dev.atomic.gateway.GatewayConfiguration;
import dev.atomic.platform.PlatformConfiguration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The REST facade on {@code ATOMIC_PORT} (8080) and the runbook's service ports 3001–3005. */
@SpringBootApplication
@Import({GatewayConfiguration.class, PlatformConfiguration.class})
public class ApiApplication {

  /** Spring config files the API reads, in order. */
  public static final String CONFIG_NAMES = "atomic-common,atomic-api";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(ApiApplication.class);
    application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAMES));
    application.run(args);
  }
}
