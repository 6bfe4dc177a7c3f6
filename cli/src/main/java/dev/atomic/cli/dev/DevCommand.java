package dev.atomic.cli.dev;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code atomic dev}: the whole platform in one process, until Ctrl-C. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Start the whole platform in one process: Temporal (gRPC on 127.0.0.1:7233), the workers,",
      "the REST API on :8080 and the service ports 3001-3005, and an H2 database under .atomic/."
    })
public class DevCommand implements Callable<Integer> {

  private static final String[] SERVICES = {"gateway", "orchestrator", "dte", "finops", "evidence"};
  private static final String[] SERVICE_ENV = {
    "GATEWAY_PORT", "ORCHESTRATOR_PORT", "DTE_PORT", "FINOPS_PORT", "EVIDENCE_PORT"
  };
  private static final int[] SERVICE_DEFAULTS = {3001, 3002, 3003, 3004, 3005};

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      defaultValue = "${env:ATOMIC_HOME:-.atomic}",
      description =
          "Where the database, keys and lock live (env ATOMIC_HOME, default ${DEFAULT-VALUE}).")
  Path home;

  @Option(
      names = "--port",
      defaultValue = "${env:ATOMIC_PORT:-8080}",
      description = "Main REST port (env ATOMIC_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--temporal-port",
      defaultValue = "${env:TEMPORAL_PORT:-7233}",
      description =
          "Port of the embedded Temporal frontend (env TEMPORAL_PORT, default ${DEFAULT-VALUE}).")
  int temporalPort;

  @Option(
      names = "--no-workers",
      description = "Start without workers; run them elsewhere with `atomic worker`.")
  boolean noWorkers;

  @Option(
      names = "--auth",
      description = {
        "Require credentials here too: no loopback user. An admin API key is written to",
        "<home>/api-key on first start; the CLI reads it from there."
      })
  boolean auth;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path atomicHome = home.toAbsolutePath().normalize();
    Optional<DevLock> acquired = DevLock.acquire(atomicHome);
    if (acquired.isEmpty()) {
      throw new CliException(
          ExitCodes.CONFLICT,
          "Atomic dev is already running for "
              + atomicHome
              + ":\n"
              + DevLock.holder(atomicHome)
              + "\nStop it with Ctrl-C in its terminal, or use it as it is.");
    }
    DevLock lock = acquired.get();
    int[] servicePorts = servicePorts();
    try {
      requireFree(
          "127.0.0.1", temporalPort, "the Temporal port (set TEMPORAL_PORT or --temporal-port)");
      requireFree(null, port, "the REST port (set ATOMIC_PORT or --port)");
      for (int i = 0; i < servicePorts.length; i++) {
        requireFree(
            null, servicePorts[i], "the " + SERVICES[i] + " port (set " + SERVICE_ENV[i] + ")");
      }
      out.println("Starting Atomic (Temporal, workers, REST API, database)…");
      out.flush();
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("spring.main.banner-mode", "off");
      if (auth) {
        extra.put("atomic.security.auth", "required");
        extra.put("atomic.security.bootstrap-key-file", atomicHome.resolve("api-key").toString());
      }
      EmbeddedPlatform platform =
          EmbeddedPlatform.start(
              new EmbeddedPlatform.Settings(
                  atomicHome, "127.0.0.1", temporalPort, port, servicePorts, !noWorkers, extra));
      String summary = summary(atomicHome, platform, servicePorts);
      lock.describe(summary);
      out.println(summary);
      out.println("Press Ctrl-C to stop.");
      out.flush();
      awaitShutdown(platform, lock);
      return ExitCodes.OK;
    } catch (RuntimeException | IOException e) {
      lock.close();
      throw e;
    }
  }

  private String summary(Path atomicHome, EmbeddedPlatform platform, int[] servicePorts) {
    StringBuilder text = new StringBuilder();
    text.append("Atomic is running (pid ").append(ProcessHandle.current().pid()).append(")\n");
    text.append("  Temporal  127.0.0.1:")
        .append(platform.temporalPort())
        .append("  (embedded test server: history in memory only, no Web UI)\n");
    text.append("  REST      http://localhost:").append(port).append('\n');
    for (int i = 0; i < servicePorts.length; i++) {
      text.append(
          String.format("            http://localhost:%d  (%s)%n", servicePorts[i], SERVICES[i]));
    }
    text.append("  Health    http://localhost:")
        .append(port)
        .append("/actuator/health/readiness  (open without a credential)\n");
    text.append("  Auth      ")
        .append(
            auth
                ? "API keys and JWTs; an admin key is in " + atomicHome.resolve("api-key")
                : "loopback only; requests without a credential act as the local user with"
                    + " every role (--auth requires credentials)")
        .append('\n');
    text.append("  Database  H2 file ").append(atomicHome.resolve("db/atomic.mv.db")).append('\n');
    text.append("  Workers   ")
        .append(
            noWorkers
                ? "off (start them with `atomic worker`)"
                : String.join(", ", dev.atomic.platform.TaskQueues.ALL));
    return text.toString();
  }

  private static void awaitShutdown(EmbeddedPlatform platform, DevLock lock)
      throws InterruptedException {
    Foreground.awaitShutdown(
        "atomic-dev",
        () -> {
          System.out.println("Stopping Atomic…");
          try {
            platform.close();
            lock.close();
          } catch (IOException | RuntimeException e) {
            System.err.println("error while stopping: " + e.getMessage());
          }
          System.out.println("Atomic stopped.");
        });
  }

  private static int[] servicePorts() {
    int[] ports = new int[SERVICES.length];
    for (int i = 0; i < ports.length; i++) {
      String value = System.getenv(SERVICE_ENV[i]);
      try {
        ports[i] =
            value == null || value.isBlank() ? SERVICE_DEFAULTS[i] : Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new CliException(
            ExitCodes.USAGE, SERVICE_ENV[i] + " must be a port number, got '" + value + "'");
      }
    }
    return ports;
  }

  private static void requireFree(String host, int port, String what) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      InetSocketAddress address =
          host == null
              ? new InetSocketAddress(port)
              : new InetSocketAddress(InetAddress.getByName(host), port);
      socket.bind(address);
    } catch (IOException e) {
      throw new CliException(
          ExitCodes.CONFLICT,
          "port " + port + " is already in use by another program; it is " + what);
    }
  }
}
