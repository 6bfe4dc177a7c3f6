package dev.atomic.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the application itself says, read from the repository the chart ships with. */
final class AppSources {

  static final Path CONFIGURATION_DOC = Chart.ROOT.resolve("docs/configuration.md");

  static final List<Path> CONFIG_FILES =
      List.of(
          Chart.ROOT.resolve("activities/src/main/resources/atomic-common.yml"),
          Chart.ROOT.resolve("api/src/main/resources/atomic-api.yml"),
          Chart.ROOT.resolve("workers/src/main/resources/atomic-workers.yml"));

  private static final Pattern DOCUMENTED = Pattern.compile("`([A-Z][A-Z0-9_]{2,})`");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]");

  private static final Pattern ENV_IN_JAVA =
      Pattern.compile(
          "(?:getenv|\\.apply)\\(\"([A-Z][A-Z0-9_]+)\"\\)|\\$\\{(?:env:)?([A-Z][A-Z0-9_]+)[:}-]");

  private AppSources() {}

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode yaml(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Variables named in docs/configuration.md. */
  static Set<String> documentedVariables() {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = DOCUMENTED.matcher(read(CONFIGURATION_DOC));
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Variables the application reads: placeholders of its configuration and lookups in code. */
  static Set<String> variablesReadByTheApp() {
    Set<String> names = new LinkedHashSet<>();
    for (Path file : CONFIG_FILES) {
      Matcher m = PLACEHOLDER.matcher(read(file));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    for (String module : List.of("activities", "workflows", "workers", "api", "cli")) {
      for (Path source : javaSources(Chart.ROOT.resolve(module + "/src/main/java"))) {
        Matcher m = ENV_IN_JAVA.matcher(read(source));
        while (m.find()) {
          names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
      }
    }
    return names;
  }

  /** The default of {@code ${NAME:default}} in the application's configuration. */
  static String defaultOf(String variable) {
    Pattern pattern = Pattern.compile("\\$\\{" + variable + ":([^}]*)}");
    for (Path file : CONFIG_FILES) {
      Matcher m = pattern.matcher(read(file));
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError(variable + " has no default in " + CONFIG_FILES);
  }

  /**
   * The longest start-to-close timeout of any activity a queue's workers may run, from the
   * workflows' ActivityOptions: options naming {@code TaskQueues.X} count for that queue; options
   * without one run on the queue of the workflow that uses them (atomic-workers.yml), and when that
   * is not known (a helper class), for every queue.
   */
  static Map<String, Duration> longestActivityPerQueue() {
    Map<String, String> workflowQueues = new HashMap<>();
    for (JsonNode worker :
        yaml(CONFIG_FILES.get(2)).path("spring").path("temporal").path("workers")) {
      for (JsonNode type : worker.path("workflow-classes")) {
        String simple = type.asText().substring(type.asText().lastIndexOf('.') + 1);
        workflowQueues.put(simple, worker.path("task-queue").asText());
      }
    }
    Map<String, Duration> longest = new HashMap<>();
    Pattern timeout =
        Pattern.compile(
            "set(?:StartToClose|ScheduleToClose)Timeout\\(\\s*Duration\\.of(Seconds|Minutes|Hours)\\((\\d+)\\)");
    Pattern queue = Pattern.compile("setTaskQueue\\(TaskQueues\\.([A-Z]+)\\)");
    for (Path source : javaSources(Chart.ROOT.resolve("workflows/src/main/java"))) {
      String text = read(source);
      String className = source.getFileName().toString().replace(".java", "");
      String[] chunks = text.split("ActivityOptions\\.newBuilder\\(\\)");
      for (int i = 1; i < chunks.length; i++) {
        String chunk = chunks[i].substring(0, Math.max(chunks[i].indexOf(".build();"), 0));
        Matcher t = timeout.matcher(chunk);
        if (!t.find()) {
          continue;
        }
        Duration duration =
            switch (t.group(1)) {
              case "Seconds" -> Duration.ofSeconds(Long.parseLong(t.group(2)));
              case "Minutes" -> Duration.ofMinutes(Long.parseLong(t.group(2)));
              default -> Duration.ofHours(Long.parseLong(t.group(2)));
            };
        Matcher q = queue.matcher(chunk);
        String on = q.find() ? constant(q.group(1)) : workflowQueues.getOrDefault(className, "*");
        longest.merge(on, duration, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    return longest;
  }

  private static String constant(String field) {
    try {
      return (String) dev.atomic.platform.TaskQueues.class.getField(field).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("TaskQueues has no " + field, e);
    }
  }

  private static List<Path> javaSources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
