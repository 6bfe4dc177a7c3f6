package dev.atomic.dte.verify;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import dev.atomic.dte.Scope;
import dev.atomic.dte.Selector;
import dev.atomic.dte.TextEdits;
import dev.atomic.dte.git.GitBatches;
import dev.atomic.dte.java.classpath.MavenClasspaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Checks a ChangeSpec's invariants against a tree. */
public final class Invariants {

  static final int MAX_EVIDENCE = 50;
  static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

  private Invariants() {}

  /** Every invariant of the spec, in order; a spec without invariants passes with a warning. */
  public static VerificationReport verify(ChangeSpec spec, Path root) {
    return verify(spec, root, null);
  }

  /**
   * As {@link #verify(ChangeSpec, Path)}; the typecheck invariant compiles a Maven tree against its
   * classpath as {@code classpaths} resolves it (null: the JDK only).
   */
  public static VerificationReport verify(ChangeSpec spec, Path root, MavenClasspaths classpaths) {
    DteEngine.requireLanguagePackFor(spec);
    List<String> scope = Scope.resolve(root, spec.scope());
    Map<String, String> sources = new TreeMap<>();
    for (String file : scope) {
      try {
        sources.put(file, Files.readString(root.resolve(file), StandardCharsets.UTF_8));
      } catch (IOException e) {
        // binary or unreadable: regex invariants skip it
      }
    }
    List<VerificationReport.InvariantResult> results = new ArrayList<>();
    for (int i = 0; i < spec.invariants().size(); i++) {
      ChangeSpec.Invariant invariant = spec.invariants().get(i);
      String pointer = "/invariants/" + i;
      results.add(
          switch (invariant.type()) {
            case "regex" -> regex(invariant, sources, pointer);
            case "typecheck" -> typecheck(invariant, root, pointer, classpaths);
            case "symbolExists" -> symbolExists(invariant, sources, pointer);
            case "semanticRule" -> semanticRule(invariant, sources, pointer);
            case "apiCompat" -> apiCompat(invariant, spec, root, sources, pointer);
            default ->
                throw DteException.unsupported(
                    pointer
                        + "/type: "
                        + invariant.type()
                        + " is not supported (supported: typecheck,"
                        + " symbolExists, semanticRule, regex, apiCompat)");
          });
    }
    List<String> warnings = new ArrayList<>();
    if (results.isEmpty()) {
      warnings.add("the spec declares no invariants; nothing was checked");
    }
    List<String> errors = new ArrayList<>();
    results.stream()
        .filter(r -> !r.passed())
        .forEach(r -> errors.add("invariant " + r.name() + " (" + r.type() + ") failed"));
    return new VerificationReport(errors.isEmpty(), errors, warnings, results, null, null, null);
  }

  private static VerificationReport.InvariantResult regex(
      ChangeSpec.Invariant invariant, Map<String, String> sources, String pointer) {
    Pattern pattern = TextEdits.compile(require(invariant.spec(), pointer), pointer + "/spec");
    List<String> matches = new ArrayList<>();
    sources.forEach(
        (path, content) -> {
          Matcher matcher = pattern.matcher(content);
          while (matcher.find() && matches.size() < MAX_EVIDENCE) {
            matches.add(
                path
                    + ":"
                    + line(content, matcher.start())
                    + ": "
                    + snippet(content, matcher.start()));
          }
        });
    List<String> evidence =
        matches.isEmpty() ? List.of("no match in " + sources.size() + " file(s)") : matches;
    return new VerificationReport.InvariantResult(
        invariant.name(), invariant.type(), matches.isEmpty(), evidence);
  }

  private static VerificationReport.InvariantResult symbolExists(
      ChangeSpec.Invariant invariant, Map<String, String> sources, String pointer) {
    String symbol = require(invariant.spec(), pointer).strip();
    int hash = symbol.indexOf('#');
    String type = hash < 0 ? symbol : symbol.substring(0, hash);
    String member = hash < 0 ? null : symbol.substring(hash + 1);
    String simple = member != null ? member : type.substring(type.lastIndexOf('.') + 1);
    List<String> found = new ArrayList<>();
    for (dev.atomic.dte.java.JavaLanguagePack.Declaration target :
        javaPack(sources).declarationsNamed(simple)) {
      boolean matches;
      if (member != null) {
        matches = target.type().equals(type) && member.equals(target.member());
      } else if (type.contains(".")) {
        matches = target.kind().equals("type") && target.type().equals(type);
      } else {
        matches = true;
      }
      if (matches && !found.contains(target.describe())) {
        found.add(target.describe());
      }
    }
    return new VerificationReport.InvariantResult(
        invariant.name(),
        invariant.type(),
        !found.isEmpty(),
        found.isEmpty() ? List.of(symbol + " does not resolve in scope") : found);
  }

  private static VerificationReport.InvariantResult semanticRule(
      ChangeSpec.Invariant invariant, Map<String, String> sources, String pointer) {
    String rule = require(invariant.spec(), pointer).strip();
    String lower = rule.toLowerCase(Locale.ROOT);
    boolean absent;
    if (lower.startsWith("absent:")) {
      absent = true;
    } else if (lower.startsWith("present:")) {
      absent = false;
    } else {
      throw DteException.invalid(
          pointer
              + "/spec: semanticRule takes 'absent: <selector>' or 'present: <selector>',"
              + " e.g. absent: CallExpression[callee.object.name='auth'][callee.property.name='login']");
    }
    Selector selector =
        Selector.parse(rule.substring(rule.indexOf(':') + 1).strip(), pointer + "/spec");
    List<String> matches = javaPack(sources).matches(selector, pointer + "/spec");
    boolean passed = absent ? matches.isEmpty() : !matches.isEmpty();
    List<String> evidence =
        matches.isEmpty()
            ? List.of("no match for " + selector.kind() + selector.attributes())
            : matches;
    return new VerificationReport.InvariantResult(
        invariant.name(), invariant.type(), passed, evidence);
  }

  /**
   * The public API now against a git baseline: {@code spec} names a ref, else the commit the spec's
   * batches started from (or HEAD). Removed or changed members fail it.
   */
  private static VerificationReport.InvariantResult apiCompat(
      ChangeSpec.Invariant invariant,
      ChangeSpec spec,
      Path root,
      Map<String, String> sources,
      String pointer) {
    if (!GitBatches.isWorkingTree(root)) {
      throw DteException.invalid(
          pointer
              + ": apiCompat compares against git history; the working directory is not a git working tree");
    }
    String ref =
        invariant.spec() == null || invariant.spec().isBlank()
            ? PublicApi.baseline(root, spec.id())
            : invariant.spec().strip();
    java.util.Set<String> before;
    try {
      before = PublicApi.of(PublicApi.at(root, ref, spec.scope()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> java = new TreeMap<>();
    sources.forEach(
        (path, content) -> {
          if (path.endsWith(".java")) {
            java.put(path, content);
          }
        });
    java.util.Set<String> after = PublicApi.of(java);
    List<String> removed = new ArrayList<>();
    before.stream()
        .filter(member -> !after.contains(member))
        .limit(MAX_EVIDENCE)
        .forEach(member -> removed.add("removed or changed: " + member));
    List<String> evidence =
        removed.isEmpty()
            ? List.of("all " + before.size() + " public member(s) of " + ref + " still present")
            : removed;
    return new VerificationReport.InvariantResult(
        invariant.name(), invariant.type(), removed.isEmpty(), evidence);
  }

  /**
   * Compiles the tree. With a {@code spec}, runs that command (an argument vector, no shell) in the
   * working directory; otherwise compiles {@code src/main/java} (or every Java file outside {@code
   * src/test}) with the JDK's compiler, against the tree's Maven classpath.
   */
  private static VerificationReport.InvariantResult typecheck(
      ChangeSpec.Invariant invariant, Path root, String pointer, MavenClasspaths classpaths) {
    if (invariant.spec() != null && !invariant.spec().isBlank()) {
      return command(invariant, root, pointer);
    }
    List<Path> libraries =
        classpaths == null ? List.of() : classpaths.resolve(root, message -> {}).everyEntry();
    // Always an explicit class path: javac's default is this process's own, which would let a
    // tree compile against the worker's libraries.
    List<String> options =
        new ArrayList<>(List.of("-d", "", "-proc:none", "-implicit:none", "-cp", ""));
    Path sources =
        Files.isDirectory(root.resolve("src/main/java")) ? root.resolve("src/main/java") : root;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files =
          walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/src/test/"))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw DteException.refused(
          List.of("typecheck needs a JDK (no Java compiler in this runtime)"));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager =
        compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      Path out = Files.createTempDirectory("atomic-typecheck");
      options.set(1, out.toString());
      List<String> entries = new ArrayList<>(List.of(out.toString()));
      libraries.forEach(library -> entries.add(library.toString()));
      options.set(5, String.join(java.io.File.pathSeparator, entries));
      compiler
          .getTask(
              null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(files))
          .call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_EVIDENCE) {
        String file =
            d.getSource() == null
                ? "?"
                : root.toAbsolutePath()
                    .normalize()
                    .relativize(Path.of(d.getSource().toUri()).normalize())
                    .toString();
        errors.add(file + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    List<String> evidence =
        errors.isEmpty() ? List.of("javac: " + files.size() + " file(s) compiled") : errors;
    return new VerificationReport.InvariantResult(
        invariant.name(), invariant.type(), errors.isEmpty(), evidence);
  }

  private static VerificationReport.InvariantResult command(
      ChangeSpec.Invariant invariant, Path root, String pointer) {
    List<String> argv = Arguments.split(invariant.spec(), pointer + "/spec");
    try {
      Path log = Files.createTempFile("atomic-typecheck", ".log");
      Process process =
          new ProcessBuilder(argv)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      boolean finished = process.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly();
        return new VerificationReport.InvariantResult(
            invariant.name(),
            invariant.type(),
            false,
            List.of(
                String.join(" ", argv)
                    + ": timed out after "
                    + COMMAND_TIMEOUT.toMinutes()
                    + " min"));
      }
      List<String> output = Files.readAllLines(log);
      List<String> tail = output.subList(Math.max(0, output.size() - MAX_EVIDENCE), output.size());
      List<String> evidence = new ArrayList<>();
      evidence.add(String.join(" ", argv) + ": exit " + process.exitValue());
      evidence.addAll(tail);
      return new VerificationReport.InvariantResult(
          invariant.name(), invariant.type(), process.exitValue() == 0, evidence);
    } catch (IOException e) {
      return new VerificationReport.InvariantResult(
          invariant.name(),
          invariant.type(),
          false,
          List.of("cannot run " + argv.get(0) + ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DteException.refused(List.of("interrupted while running " + argv.get(0)));
    }
  }

  private static dev.atomic.dte.java.JavaLanguagePack javaPack(Map<String, String> sources) {
    Map<String, String> java = new TreeMap<>();
    sources.forEach(
        (path, content) -> {
          if (path.endsWith(".java")) {
            java.put(path, content);
          }
        });
    return dev.atomic.dte.java.JavaLanguagePack.forLookups(java);
  }

  private static String require(String spec, String pointer) {
    if (spec == null || spec.isBlank()) {
      throw DteException.invalid(pointer + "/spec: required for this invariant type");
    }
    return spec;
  }

  private static int line(String content, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (content.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String snippet(String content, int offset) {
    int start = content.lastIndexOf('\n', offset) + 1;
    int end = content.indexOf('\n', offset);
    return content.substring(start, end < 0 ? content.length() : end).strip();
  }
}
