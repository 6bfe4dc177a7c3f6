package dev.atomic.dte.java.classpath;

import dev.atomic.platform.Json;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolved classpaths kept on disk between processes (each CLI run is one), keyed by the POMs'
 * contents and the resolution settings. An entry is used only while every jar it names is still in
 * place and it is younger than its maximum age; a resolution that depends on something that can
 * change under the same POMs (a SNAPSHOT, a version range) is not kept.
 */
final class ClasspathCache {

  private static final Logger log = LoggerFactory.getLogger(ClasspathCache.class);
  private static final Pattern RANGE = Pattern.compile("<version>\\s*[\\[(]");

  /** The stored form. */
  record Entry(String written, List<ProjectClasspath.Module> modules) {}

  private final Path directory;
  private final Duration maxAge;
  private final Clock clock;

  ClasspathCache(Path directory, Duration maxAge, Clock clock) {
    this.directory = directory;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  Optional<ProjectClasspath> get(String key) {
    Path file = directory.resolve(key + ".json");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Entry entry = Json.mapper().readValue(file.toFile(), Entry.class);
      if (Instant.parse(entry.written()).plus(maxAge).isBefore(clock.instant())) {
        return Optional.empty();
      }
      ProjectClasspath classpath = new ProjectClasspath(entry.modules(), List.of());
      for (Path jar : classpath.everyEntry()) {
        if (!Files.exists(jar)) {
          return Optional.empty(); // the local repository was cleaned: resolve again
        }
      }
      return Optional.of(classpath);
    } catch (IOException | RuntimeException e) {
      log.debug("classpath cache entry {} is not usable: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * @param poms the POM texts the classpath was resolved from
   */
  void put(String key, Iterable<String> poms, ProjectClasspath classpath) {
    for (String pom : poms) {
      if (pom.contains("-SNAPSHOT") || RANGE.matcher(pom).find()) {
        return;
      }
    }
    for (Path jar : classpath.everyEntry()) {
      if (jar.getFileName().toString().contains("SNAPSHOT")) {
        return;
      }
    }
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, key, ".tmp");
      Json.mapper()
          .writeValue(
              temporary.toFile(), new Entry(clock.instant().toString(), classpath.modules()));
      try {
        Files.move(
            temporary,
            directory.resolve(key + ".json"),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(
            temporary, directory.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      // A cache that cannot be written costs the next run a resolution, nothing else.
      log.debug("classpath cache not written to {}: {}", directory, e.getMessage());
    }
  }
}
