package dev.atomic.dte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classpath given with a request ({@code --classpath}, or {@code classpath} beside {@code
 * spec}): jars and class directories, relative to the tree unless absolute; {@code dir/*} stands
 * for every jar in {@code dir}, as for {@code javac}.
 */
public final class ExplicitClasspath {

  private ExplicitClasspath() {}

  /** The entries as existing paths, in order. */
  public static List<Path> resolve(Path root, List<Path> entries) {
    List<Path> resolved = new ArrayList<>();
    for (Path entry : entries == null ? List.<Path>of() : entries) {
      Path path = root.resolve(entry).normalize();
      if (path.getFileName() != null && path.getFileName().toString().equals("*")) {
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
          throw DteException.invalid("/classpath: " + entry + ": no such directory");
        }
        try (Stream<Path> jars = Files.list(dir)) {
          jars.filter(p -> p.getFileName().toString().endsWith(".jar"))
              .sorted()
              .forEach(resolved::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isDirectory(path)
          || (Files.isRegularFile(path) && path.toString().endsWith(".jar"))) {
        resolved.add(path);
      } else {
        throw DteException.invalid(
            "/classpath: " + entry + ": not a jar or a directory of classes");
      }
    }
    return List.copyOf(resolved);
  }

  /**
   * Parses a {@code --classpath} value: entries separated by the platform's path separator or
   * commas.
   */
  public static List<Path> parse(String value) {
    List<Path> entries = new ArrayList<>();
    if (value == null || value.isBlank()) {
      return entries;
    }
    for (String part : value.split("[" + java.io.File.pathSeparator + ",]")) {
      if (!part.isBlank()) {
        entries.add(Path.of(part.strip()));
      }
    }
    return entries;
  }
}
