package dev.atomic.dte.batches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Checks that a tree compiles after each batch, incrementally: the base is compiled once, then each
 * batch recompiles only its own files and the files that mention a name they declare, against the
 * classes of everything else. Files that failed stay pending until a later batch makes them
 * compile, so the caller can merge batches until the tree compiles again.
 *
 * <p>The production sources are compiled ({@code src/main/java}, else every Java file outside
 * {@code src/test}) with the JDK's compiler against the tree's resolved classpath (its Maven
 * dependencies, or the request's classpath): a tree whose libraries are not known does not compile
 * at its base, and the check then says it was not possible.
 */
final class BuildCheck implements AutoCloseable {

  /** Errors kept per failed step. */
  private static final int MAX_ERRORS = 5;

  /** The outcome of compiling the base or one more batch. */
  record Outcome(boolean compiles, int filesCompiled, List<String> errors) {}

  private final JavaCompiler compiler;
  private final Path output;
  private final Map<String, String> sources = new TreeMap<>();
  private final Map<String, Set<String>> mentions = new HashMap<>();
  private final Map<String, List<Path>> classesOf = new HashMap<>();
  private final Set<String> pending = new TreeSet<>();
  private final String sourceRoot;
  private final String classpath;
  private Outcome base;

  private BuildCheck(JavaCompiler compiler, Path output, String sourceRoot, List<Path> libraries) {
    this.compiler = compiler;
    this.output = output;
    this.sourceRoot = sourceRoot;
    StringBuilder entries = new StringBuilder(output.toString());
    libraries.forEach(entry -> entries.append(java.io.File.pathSeparator).append(entry));
    this.classpath = entries.toString();
  }

  /**
   * Compiles the base tree under {@code root}; {@link #base()} tells whether it compiled.
   *
   * @return null when this runtime has no Java compiler (a JRE)
   */
  static BuildCheck start(Path root, List<Path> libraries) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      return null;
    }
    String sourceRoot = Files.isDirectory(root.resolve("src/main/java")) ? "src/main/java/" : "";
    try {
      BuildCheck check =
          new BuildCheck(
              compiler, Files.createTempDirectory("atomic-buildcheck"), sourceRoot, libraries);
      try (Stream<Path> walk = Files.walk(root.resolve(sourceRoot.isEmpty() ? "." : sourceRoot))) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          String path = root.relativize(file).normalize().toString().replace('\\', '/');
          if (check.covers(path)) {
            check.put(path, Files.readString(file, StandardCharsets.UTF_8));
          }
        }
      }
      check.base = check.compile(new TreeSet<>(check.sources.keySet()));
      return check;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base tree's outcome. */
  Outcome base() {
    return base;
  }

  /** True for the production Java sources this check compiles. */
  boolean covers(String path) {
    return path.endsWith(".java")
        && path.startsWith(sourceRoot)
        && !path.startsWith("src/test/")
        && !path.contains("/src/test/")
        && !path.startsWith(".git/");
  }

  /**
   * Applies one batch's files on top of the previous ones and recompiles what it can affect, with
   * the files that failed before.
   */
  Outcome apply(List<ChangedFile> batch) {
    Set<String> recompile = new TreeSet<>(pending);
    for (ChangedFile file : batch) {
      if (file.oldPath() != null && !file.oldPath().equals(file.path()) && covers(file.oldPath())) {
        remove(file.oldPath());
      }
      if (covers(file.path())) {
        put(file.path(), file.after());
        recompile.add(file.path());
      }
    }
    Set<String> declared = new HashSet<>();
    Map<String, String> touched = new TreeMap<>();
    for (ChangedFile file : batch) {
      if (file.before() != null) {
        touched.put("old:" + file.path(), file.before());
      }
      if (file.after() != null) {
        touched.put("new:" + file.path(), file.after());
      }
    }
    Declarations.of(touched).values().forEach(declared::addAll);
    for (Map.Entry<String, Set<String>> source : mentions.entrySet()) {
      if (!recompile.contains(source.getKey())
          && source.getValue().stream().anyMatch(declared::contains)) {
        recompile.add(source.getKey());
      }
    }
    return compile(recompile);
  }

  private void put(String path, String content) {
    sources.put(path, content);
    mentions.put(path, Identifiers.of(content));
  }

  private void remove(String path) {
    sources.remove(path);
    mentions.remove(path);
    pending.remove(path);
    deleteClassesOf(path);
  }

  private Outcome compile(Set<String> paths) {
    paths.forEach(this::deleteClassesOf);
    List<JavaFileObject> units = new ArrayList<>();
    for (String path : paths) {
      units.add(new Source(path, sources.get(path)));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager standard =
            compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Recording manager = new Recording(standard)) {
      List<String> options =
          List.of(
              "-d",
              output.toString(),
              "-cp",
              classpath,
              "-proc:none",
              "-implicit:none",
              "-nowarn",
              "-encoding",
              "UTF-8");
      boolean ok =
          units.isEmpty()
              || compiler.getTask(null, manager, diagnostics, options, null, units).call();
      manager.produced.forEach(
          (path, classes) ->
              classesOf.computeIfAbsent(path, p -> new ArrayList<>()).addAll(classes));
      List<String> errors = new ArrayList<>();
      Set<String> failing = new TreeSet<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String path = d.getSource() instanceof Source s ? s.path : "?";
          failing.add(path);
          if (errors.size() < MAX_ERRORS) {
            errors.add(
                path
                    + ":"
                    + d.getLineNumber()
                    + ": "
                    + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
          }
        }
      }
      pending.clear();
      if (!ok) {
        // javac stops short on errors: everything of this round is compiled again next time
        pending.addAll(paths);
      }
      return new Outcome(ok, units.size(), List.copyOf(errors));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deleteClassesOf(String path) {
    List<Path> classes = classesOf.remove(path);
    if (classes == null) {
      return;
    }
    for (Path file : classes) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(output)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A source held in memory, named by its path in the tree. */
  private static final class Source extends SimpleJavaFileObject {
    final String path;
    private final String content;

    Source(String path, String content) {
      super(URI.create("mem:///" + path.replace(" ", "%20")), Kind.SOURCE);
      this.path = path;
      this.content = content;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return content;
    }
  }

  /** Remembers which class files each source produced, so a later batch can remove them. */
  private static final class Recording extends ForwardingJavaFileManager<StandardJavaFileManager> {
    final Map<String, List<Path>> produced = new HashMap<>();

    Recording(StandardJavaFileManager manager) {
      super(manager);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling)
        throws IOException {
      JavaFileObject file = super.getJavaFileForOutput(location, className, kind, sibling);
      if (sibling instanceof Source source && kind == JavaFileObject.Kind.CLASS) {
        produced.computeIfAbsent(source.path, p -> new ArrayList<>()).add(Path.of(file.toUri()));
      }
      return file;
    }
  }
}
