package dev.atomic.cli.dev;

import dev.atomic.api.ApiApplication;
import dev.atomic.workers.WorkerApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform in one process: Temporal's frontend, the workers, the REST facade on its main
 * port and the service ports, and the H2 file database under the Atomic home.
 */
public final class EmbeddedPlatform implements AutoCloseable {

  /**
   * What to start.
   *
   * @param temporalPort 7233 by default; 0 picks a free port (tests)
   * @param servicePorts gateway, orchestrator, dte, finops, evidence; null keeps the defaults
   * @param extraProperties any further Spring properties
   */
  public record Settings(
      Path home,
      String temporalHost,
      int temporalPort,
      int apiPort,
      int[] servicePorts,
      boolean workers,
      Map<String, Object> extraProperties) {}

  private final EmbeddedTemporal temporal;
  private final ConfigurableApplicationContext context;

  private EmbeddedPlatform(EmbeddedTemporal temporal, ConfigurableApplicationContext context) {
    this.temporal = temporal;
    this.context = context;
  }

  public static EmbeddedPlatform start(Settings settings) {
    EmbeddedTemporal temporal =
        EmbeddedTemporal.start(settings.temporalHost(), settings.temporalPort());
    try {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put(
          "spring.config.name",
          "atomic-common,"
              + WorkerApplication.CONFIG_NAMES.replace("atomic-common,", "")
              + ","
              + ApiApplication.CONFIG_NAMES.replace("atomic-common,", ""));
      properties.put("spring.application.name", "atomic");
      properties.put("atomic.home", settings.home().toString());
      properties.put(
          "spring.temporal.connection.target", settings.temporalHost() + ":" + temporal.port());
      properties.put("spring.temporal.start-workers", settings.workers());
      properties.put("server.port", settings.apiPort());
      // The embedded default listens on loopback only, where requests without a credential act
      // as the local user (extraProperties may turn authentication on: `atomic dev --auth`).
      properties.put("server.address", "127.0.0.1");
      properties.put("atomic.security.auth", "local");
      if (settings.servicePorts() != null) {
        String[] names = {"gateway", "orchestrator", "dte", "finops", "evidence"};
        for (int i = 0; i < names.length; i++) {
          properties.put("atomic.ports." + names[i], settings.servicePorts()[i]);
        }
      }
      properties.putAll(settings.extraProperties());
      ConfigurableApplicationContext context =
          new SpringApplicationBuilder(ApiApplication.class, WorkerApplication.class)
              .registerShutdownHook(false)
              .run(asArguments(properties));
      return new EmbeddedPlatform(temporal, context);
    } catch (RuntimeException e) {
      temporal.close();
      throw e;
    }
  }

  /**
   * Properties as command-line arguments: they outrank the config files, where {@code
   * SpringApplicationBuilder.properties} would only set defaults beneath them.
   */
  static String[] asArguments(Map<String, Object> properties) {
    return properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }

  public int temporalPort() {
    return temporal.port();
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    try {
      context.close();
    } finally {
      temporal.close();
    }
  }
}
