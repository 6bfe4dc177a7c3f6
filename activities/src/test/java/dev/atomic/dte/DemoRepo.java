package dev.atomic.dte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of the repository's examples for tests that change files (shared by every module). */
public final class DemoRepo {

  public static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private DemoRepo() {}

  /** Copies {@code examples/demo-repo} into {@code target}. */
  public static Path copyTo(Path target) {
    return copy("demo-repo", target);
  }

  /** Copies {@code examples/<example>} (without build output) into {@code target}. */
  public static Path copy(String example, Path target) {
    Path source = EXAMPLES.resolve(example);
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else if (!source.relativize(file).startsWith("target")) {
          Files.copy(file, copy);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code examples/specs/CS-001.json}, parsed. */
  public static ChangeSpec cs001() {
    try {
      return ChangeSpecValidator.parse(Files.readString(EXAMPLES.resolve("specs/CS-001.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path root, String path) {
    try {
      return Files.readString(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
