package dev.atomic.workers;

import dev.atomic.gateway.GatewayConfiguration;
import dev.atomic.platform.PlatformConfiguration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A worker process: polls the task queues listed in {@code atomic-workers.yml} and serves health
 * and metrics on {@code WORKER_PORT} (8081). The Helm chart runs it apart from the API so each kind
 * of worker scales on its own.
 */
@SpringBootApplication
@Import({GatewayConfiguration.class, PlatformConfiguration.class})
public class WorkerApplication {

  /** Spring config files a worker process reads, in order. */
  public static final String CONFIG_NAMES = "atomic-common,atomic-workers";

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(WorkerApplication.class);
    application.setDefaultProperties(
        Map.of("spring.config.name", CONFIG_NAMES, "server.port", "${WORKER_PORT:8081}"));
    application.run(args);
  }
}
