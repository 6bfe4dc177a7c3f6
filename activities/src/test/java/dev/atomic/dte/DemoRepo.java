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
    return copyTree(EXAMPLES.resolve(example), target);
  }

  /** Copies a directory tree (without build output) into {@code target}. */
  public static Path copyTree(Path source, Path target) {
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
    return spec("CS-001");
  }

  /**
   * {@code examples/specs/CS-003.json}, parsed: {@code examples/billing-repo}'s callers moved off a
   * deprecated helper (independent batches) and a new method with its first caller (a dependent
   * pair).
   */
  public static ChangeSpec cs003() {
    return spec("CS-003");
  }

  public static ChangeSpec spec(String id) {
    try {
      return ChangeSpecValidator.parse(Files.readString(EXAMPLES.resolve("specs/" + id + ".json")));
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
