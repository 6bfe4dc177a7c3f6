package dev.atomic.dte;

import dev.atomic.dte.java.classpath.MavenClasspaths;

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

  /** The settings of this process: environment variables, then system properties. */
  public static DteSettings fromEnvironment() {
    String workers =
        System.getenv()
            .getOrDefault(
                "DTE_WORKERS",
                System.getProperty(
                    "atomic.dte.workers",
                    String.valueOf(Runtime.getRuntime().availableProcessors())));
    String cache =
        System.getenv()
            .getOrDefault("DTE_CACHE_ENABLED", System.getProperty("atomic.dte.cache", "false"));
    int threads;
    try {
      threads = Integer.parseInt(workers.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "DTE_WORKERS must be a whole number, got '" + workers + "'");
    }
    String parse =
        System.getenv()
            .getOrDefault("DTE_PARSE", System.getProperty("atomic.dte.parse", "candidates"))
            .trim();
    if (!parse.equals("candidates") && !parse.equals("full")) {
      throw new IllegalArgumentException(
          "DTE_PARSE must be candidates or full, got '" + parse + "'");
    }
    return new DteSettings(
        threads,
        Boolean.parseBoolean(cache.trim()),
        MavenClasspaths.Settings.fromEnvironment(),
        parse.equals("full"));
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
