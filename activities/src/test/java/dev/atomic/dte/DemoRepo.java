package dev.atomic.dte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /**
   * javac's errors for every Java file under {@code sources}, against the JDK only; empty when it
   * compiles.
   */
  public static List<String> compile(Path sources) throws IOException {
    return compile(List.of(sources), List.of(), Files.createTempDirectory("atomic-compile"));
  }

  /**
   * javac's errors for the Java files under {@code roots}, compiled together against {@code
   * classpath}.
   */
  public static List<String> compile(List<Path> roots, List<Path> classpath, Path output)
      throws IOException {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    List<Path> files = new java.util.ArrayList<>();
    for (Path sources : roots) {
      try (java.util.stream.Stream<Path> walk = Files.walk(sources)) {
        walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
      }
    }
    javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics =
        new javax.tools.DiagnosticCollector<>();
    List<String> options =
        new java.util.ArrayList<>(
            List.of("-d", output.toString(), "-proc:none", "-nowarn", "-encoding", "UTF-8"));
    // Always explicit: javac's default class path is the test JVM's own.
    List<String> entries = new java.util.ArrayList<>(List.of(output.toString()));
    classpath.forEach(entry -> entries.add(entry.toString()));
    options.add("-cp");
    options.add(String.join(java.io.File.pathSeparator, entries));
    try (javax.tools.StandardJavaFileManager manager =
        javac.getStandardFileManager(diagnostics, java.util.Locale.ROOT, null)) {
      javac
          .getTask(
              null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
          .call();
    }
    List<String> errors = new java.util.ArrayList<>();
    diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .forEach(
            d ->
                errors.add(
                    d.getSource().getName()
                        + ":"
                        + d.getLineNumber()
                        + ": "
                        + d.getMessage(java.util.Locale.ROOT)));
    return errors;
  }
}
