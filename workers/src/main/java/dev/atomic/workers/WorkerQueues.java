package dev.atomic.workers;

import dev.atomic.platform.TaskQueues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the task queues this process serves from {@code ATOMIC_WORKER_QUEUES} (a comma list,
 * default all): the worker definitions of {@code atomic-workers.yml} for other queues are left out,
 * so the Helm chart's worker groups (and {@code atomic worker --queues}) each poll only their own.
 * An unknown queue name stops the process with the known ones listed.
 */
public class WorkerQueues implements EnvironmentPostProcessor, Ordered {

  /** The variable, read as the property {@link #PROPERTY}. */
  public static final String VARIABLE = "ATOMIC_WORKER_QUEUES";

  public static final String PROPERTY = "atomic.worker.queues";

  private static final String WORKERS = "spring.temporal.workers";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // The environment variable reaches this property too (relaxed binding); a command-line
    // property (`atomic worker --queues`) outranks it.
    String value = configured(environment);
    if (value == null || value.isBlank() || value.strip().equals("all")) {
      return;
    }
    Set<String> wanted = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        wanted.add(part.strip());
      }
    }
    List<String> known = new ArrayList<>();
    for (int i = 0; environment.containsProperty(WORKERS + "[" + i + "].task-queue"); i++) {
      known.add(environment.getProperty(WORKERS + "[" + i + "].task-queue"));
    }
    if (known.isEmpty()) {
      return; // not a worker process
    }
    for (String queue : wanted) {
      if (!known.contains(queue)) {
        throw new IllegalStateException(
            VARIABLE
                + ": unknown task queue '"
                + queue
                + "'; the queues are "
                + String.join(", ", known));
      }
    }
    Map<String, Object> kept = new LinkedHashMap<>();
    int next = 0;
    for (int i = 0; i < known.size(); i++) {
      if (!wanted.contains(known.get(i))) {
        continue;
      }
      String from = WORKERS + "[" + i + "]";
      String to = WORKERS + "[" + next++ + "]";
      kept.put(to + ".task-queue", known.get(i));
      kept.put(to + ".name", environment.getProperty(from + ".name", known.get(i)));
      copyList(environment, from + ".workflow-classes", to + ".workflow-classes", kept);
      copyList(environment, from + ".activity-beans", to + ".activity-beans", kept);
    }
    kept.put("atomic.worker.served-queues", String.join(",", wanted));
    environment.getPropertySources().addFirst(new MapPropertySource("atomicWorkerQueues", kept));
  }

  private static void copyList(
      ConfigurableEnvironment environment, String from, String to, Map<String, Object> out) {
    for (int k = 0; environment.containsProperty(from + "[" + k + "]"); k++) {
      out.put(to + "[" + k + "]", environment.getProperty(from + "[" + k + "]"));
    }
  }

  /** The queues a process serves, as configured. */
  /**
   * The configured list: the property ({@code atomic worker --queues}, or the environment variable
   * by relaxed binding), else {@code ATOMIC_WORKER_QUEUES} as a .env file names it; blank for all.
   */
  public static String configured(org.springframework.core.env.Environment environment) {
    return environment.getProperty(PROPERTY, environment.getProperty(VARIABLE, ""));
  }

  public static List<String> served(String configured) {
    if (configured == null || configured.isBlank() || configured.strip().equals("all")) {
      return TaskQueues.ALL;
    }
    return List.of(configured.split("\\s*,\\s*"));
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
