package dev.atomic.cli.dev;

import dev.atomic.cli.ExitCodes;
import dev.atomic.workers.WorkerApplication;
import dev.atomic.workers.WorkerQueues;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atomic worker}: a worker process for a running platform, until Ctrl-C. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Run workers against a Temporal frontend (e.g. one started by `atomic dev --no-workers`).")
public class WorkerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--temporal",
      description =
          "Temporal frontend HOST:PORT (default: TEMPORAL_ADDRESS, from the environment or .env,"
              + " else 127.0.0.1:7233).")
  String temporal;

  @Option(
      names = "--home",
      description =
          "Atomic home holding the H2 database (default: ATOMIC_HOME, from the environment or"
              + " .env, else .atomic).")
  Path home;

  @Option(
      names = "--port",
      description =
          "Health and metrics port (default: WORKER_PORT, from the environment or .env, else"
              + " 8081; 0 picks one).")
  Integer port;

  @Option(
      names = "--sticky",
      description =
          "Use sticky task queues (workflows stay cached on this worker). Worth it on a real"
              + " Temporal cluster; off by default because the embedded server never moves work"
              + " off the sticky queue of a worker that died.")
  boolean sticky;

  @Option(
      names = "--queues",
      description = {
        "Task queues to poll, comma-separated (env ATOMIC_WORKER_QUEUES, default ${DEFAULT-VALUE}):",
        "atomic-missions, atomic-gateway, atomic-dte, atomic-finops, atomic-evidence."
      })
  String queues;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.config.name", WorkerApplication.CONFIG_NAMES);
    // Options given on the command line win; the rest comes from the environment or .env
    // through the configuration files, like every other setting.
    if (home != null) {
      properties.put("atomic.home", home.toAbsolutePath().normalize().toString());
    }
    if (temporal != null) {
      properties.put("spring.temporal.connection.target", temporal);
    }
    properties.put("server.port", port != null ? port : "${WORKER_PORT:8081}");
    properties.put("spring.main.banner-mode", "off");
    properties.put("atomic.workers.sticky", sticky);
    if (queues != null) {
      properties.put(WorkerQueues.PROPERTY, queues);
    }
    // A worker serves health and metrics only; its port stays inside the cluster
    // (docs/security.md), so the REST facade's authentication does not apply to it.
    properties.put(
        "spring.autoconfigure.exclude",
        String.join(
            ",",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet"
                + ".ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet"
                + ".SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet"
                + ".ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                + ".OAuth2ResourceServerAutoConfiguration"));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(WorkerApplication.class)
            .registerShutdownHook(false)
            .run(EmbeddedPlatform.asArguments(properties));
    spec.commandLine()
        .getOut()
        .println(
            "Workers polling "
                + String.join(
                    ", ", WorkerQueues.served(WorkerQueues.configured(context.getEnvironment())))
                + " on "
                + context.getEnvironment().getProperty("spring.temporal.connection.target")
                + ". Press Ctrl-C to stop.");
    spec.commandLine().getOut().flush();
    Foreground.awaitShutdown("atomic-worker", context::close);
    return ExitCodes.OK;
  }
}
