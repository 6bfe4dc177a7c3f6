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
      defaultValue = "${env:TEMPORAL_ADDRESS:-127.0.0.1:7233}",
      description = "Temporal frontend HOST:PORT (env TEMPORAL_ADDRESS, default ${DEFAULT-VALUE}).")
  String temporal;

  @Option(
      names = "--home",
      defaultValue = "${env:ATOMIC_HOME:-.atomic}",
      description =
          "Atomic home holding the H2 database (env ATOMIC_HOME, default ${DEFAULT-VALUE}).")
  Path home;

  @Option(
      names = "--port",
      defaultValue = "${env:WORKER_PORT:-8081}",
      description =
          "Health and metrics port (env WORKER_PORT, default ${DEFAULT-VALUE}; 0 picks one).")
  int port;

  @Option(
      names = "--sticky",
      description =
          "Use sticky task queues (workflows stay cached on this worker). Worth it on a real"
              + " Temporal cluster; off by default because the embedded server never moves work"
              + " off the sticky queue of a worker that died.")
  boolean sticky;

  @Option(
      names = "--queues",
      defaultValue = "${env:ATOMIC_WORKER_QUEUES:-all}",
      description = {
        "Task queues to poll, comma-separated (env ATOMIC_WORKER_QUEUES, default ${DEFAULT-VALUE}):",
        "atomic-missions, atomic-gateway, atomic-dte, atomic-finops, atomic-evidence."
      })
  String queues;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.config.name", WorkerApplication.CONFIG_NAMES);
    properties.put("atomic.home", home.toAbsolutePath().normalize().toString());
    properties.put("spring.temporal.connection.target", temporal);
    properties.put("server.port", port);
    properties.put("spring.main.banner-mode", "off");
    properties.put("atomic.workers.sticky", sticky);
    properties.put("atomic.worker.queues", queues);
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
                + String.join(", ", WorkerQueues.served(queues))
                + " on "
                + temporal
                + ". Press Ctrl-C to stop.");
    spec.commandLine().getOut().flush();
    Foreground.awaitShutdown("atomic-worker", context::close);
    return ExitCodes.OK;
  }
}
