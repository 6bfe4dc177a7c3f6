package dev.atomic.cli.dev;

import dev.atomic.api.ApiApplication;
import dev.atomic.cli.ExitCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atomic api}: the REST facade alone, against a Temporal cluster and a database. */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the REST facade only (production: next to a Temporal cluster and PostgreSQL).",
      "Configure it with TEMPORAL_ADDRESS, DATABASE_URL and the variables in docs/configuration.md."
    })
public class ApiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--temporal",
      description =
          "Temporal frontend HOST:PORT (default: TEMPORAL_ADDRESS, from the environment or .env,"
              + " else 127.0.0.1:7233).")
  String temporal;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.config.name", ApiApplication.CONFIG_NAMES);
    if (temporal != null) {
      properties.put("spring.temporal.connection.target", temporal);
    }
    // A Temporal outage must not take the API out of its Service: missions, evidence and
    // budgets are read from the database, and what needs Temporal answers 503 on its own. So the
    // readiness of the API alone is its database (`atomic dev` keeps Temporal and the workers).
    properties.put("management.endpoint.health.group.readiness.include", "readinessState,db");
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ApiApplication.class)
            .registerShutdownHook(false)
            .run(EmbeddedPlatform.asArguments(properties));
    Foreground.awaitShutdown("atomic-api", context::close);
    return ExitCodes.OK;
  }
}
