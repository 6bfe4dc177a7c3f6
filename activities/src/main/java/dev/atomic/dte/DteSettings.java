package dev.atomic.dte;

import dev.atomic.dte.java.classpath.MavenClasspaths;
import java.util.Map;
import java.util.function.Function;

/**
 * How a {@link DteEngine} runs.
 *
 * @param workers threads for per-file work ({@code DTE_WORKERS}, default: the number of cores)
 * @param parseCache whether parses of unchanged trees are reused in this process ({@code
 *     DTE_CACHE_ENABLED}, default false)
 * @param maven where the classpaths of Maven trees come from ({@code
 *     ATOMIC_MAVEN_LOCAL_REPOSITORY}, {@code ATOMIC_MAVEN_MIRROR})
 * @param fullParse parse every file of a module whenever one is needed ({@code DTE_PARSE=full}); by
 *     default only the files a change can touch are parsed, the rest stand in as signatures
 */
public record DteSettings(
    int workers, boolean parseCache, MavenClasspaths.Settings maven, boolean fullParse) {

  /**
   * The settings of this process: environment variables, then the system properties {@code
   * atomic.dte.workers}, {@code atomic.dte.cache} and {@code atomic.dte.parse}. A server reads them
   * through {@link #from(Function)} with its Spring environment instead, so a {@code .env} file
   * counts as well.
   */
  public static DteSettings fromEnvironment() {
    Map<String, String> properties =
        Map.of(
            "DTE_WORKERS", "atomic.dte.workers",
            "DTE_CACHE_ENABLED", "atomic.dte.cache",
            "DTE_PARSE", "atomic.dte.parse");
    return from(
        name -> {
          String value = System.getenv(name);
          return value != null || !properties.containsKey(name)
              ? value
              : System.getProperty(properties.get(name));
        });
  }

  /**
   * The settings named by {@code variables} ({@code DTE_WORKERS}, {@code DTE_CACHE_ENABLED}, {@code
   * DTE_PARSE}, {@code ATOMIC_MAVEN_LOCAL_REPOSITORY}, {@code ATOMIC_MAVEN_MIRROR}); an unset or
   * blank one takes its default.
   *
   * @throws IllegalArgumentException naming the variable whose value cannot be used
   */
  public static DteSettings from(Function<String, String> variables) {
    String workers =
        valueOr(
            variables.apply("DTE_WORKERS"),
            String.valueOf(Runtime.getRuntime().availableProcessors()));
    int threads;
    try {
      threads = Integer.parseInt(workers);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "DTE_WORKERS must be a whole number, got '" + workers + "'");
    }
    String cache = valueOr(variables.apply("DTE_CACHE_ENABLED"), "false");
    String parse = valueOr(variables.apply("DTE_PARSE"), "candidates");
    if (!parse.equals("candidates") && !parse.equals("full")) {
      throw new IllegalArgumentException(
          "DTE_PARSE must be candidates or full, got '" + parse + "'");
    }
    return new DteSettings(
        threads,
        Boolean.parseBoolean(cache),
        MavenClasspaths.Settings.from(variables),
        parse.equals("full"));
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  public DteSettings withWorkers(int value) {
    return new DteSettings(value, parseCache, maven, fullParse);
  }

  public DteSettings withParseCache(boolean value) {
    return new DteSettings(workers, value, maven, fullParse);
  }

  public DteSettings withFullParse(boolean value) {
    return new DteSettings(workers, parseCache, maven, value);
  }
}
