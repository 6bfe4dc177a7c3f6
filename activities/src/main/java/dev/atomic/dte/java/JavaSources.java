package dev.atomic.dte.java;

import dev.atomic.dte.DteException;
import dev.atomic.dte.Workers;
import dev.atomic.dte.java.classpath.ProjectClasspath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ParseExceptionResult;
import org.openrewrite.Parser;
import org.openrewrite.Recipe;
import org.openrewrite.Result;
import org.openrewrite.SourceFile;
import org.openrewrite.internal.InMemoryLargeSourceSet;
import org.openrewrite.java.JavaIsoVisitor;
import org.openrewrite.java.JavaParser;
import org.openrewrite.java.style.Autodetect;
import org.openrewrite.java.tree.J;
import org.openrewrite.java.tree.JavaType;
import org.openrewrite.tree.ParseError;

/**
 * The Java sources of a change and how they are parsed: each file against the classpath of its
 * module (with the main sources of the reactor modules it depends on beside it), every parse
 * proven to print back byte for byte before anything is edited, and the types that could not be
 * resolved collected for the preview.
 */
final class JavaSources {

  /** Java sources by relative path; updated in place as patches apply. */
  final Map<String, String> sources;

  final List<String> warnings;
  final Consumer<String> progress;
  final ProjectClasspath classpath;
  final TypeLookup types;
  private final ParseCache cache;
  private final Workers workers;
  private final Set<String> unresolved = new TreeSet<>();

  JavaSources(
      Map<String, String> sources,
      List<String> warnings,
      Consumer<String> progress,
      ProjectClasspath classpath,
      ParseCache cache,
      Workers workers) {
    this.sources = sources;
    this.warnings = warnings;
    this.progress = progress;
    this.classpath = classpath;
    this.cache = cache;
    this.workers = workers;
    this.types = new TypeLookup(classpath, sources);
  }

  /** Types imported by parsed files that neither the tree, its classpath nor the JDK declare. */
  Set<String> unresolved() {
    return unresolved;
  }

  /** The files that mention {@code token}: a cheap prefilter before parsing. */
  Map<String, String> mentioning(String token) {
    if (token == null) {
      return sources;
    }
    for (String content : sources.values()) {
      if (content.contains(token)) {
        // Types are attributed across the whole scope, so the parse always includes every source.
        return sources;
      }
    }
    return Map.of();
  }

  /** The sources limited to a patch's files. */
  Map<String, String> narrow(Set<String> files) {
    Map<String, String> narrowed = new LinkedHashMap<>();
    sources.forEach((path, content) -> {
      if (files.contains(path)) {
        narrowed.put(path, content);
      }
    });
    return narrowed;
  }

  /**
   * Parses the inputs, module by module, and proves each one prints back unchanged. Files that
   * do not round-trip and mention {@code token} refuse the change (an empty token: any file may
   * be touched); the others are reported and left alone.
   */
  List<SourceFile> parse(Map<String, String> inputs, String token) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, String>> units = new TreeMap<>();
    inputs.forEach((path, content) -> {
      ProjectClasspath.Module module = classpath.moduleOf(path);
      units.computeIfAbsent(module == null ? "" : module.id(), id -> new TreeMap<>()).put(path, content);
    });
    Map<String, SourceFile> byPath = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> unit : units.entrySet()) {
      ProjectClasspath.Module module = unit.getKey().isEmpty() ? null : classpath.module(unit.getKey());
      for (SourceFile source : parseUnit(module, unit.getValue())) {
        byPath.put(pathOf(source), source);
      }
    }
    List<SourceFile> parsed = new ArrayList<>();
    inputs.keySet().forEach(path -> {
      if (byPath.containsKey(path)) {
        parsed.add(byPath.get(path));
      }
    });
    return usable(parsed, inputs, token);
  }

  /** One module's files, parsed against its classpath with its reactor dependencies' sources. */
  private List<SourceFile> parseUnit(ProjectClasspath.Module module, Map<String, String> files) {
    Map<String, String> all = new TreeMap<>(files);
    if (module != null) {
      for (String dependency : module.reactorDependencies()) {
        ProjectClasspath.Module upstream = classpath.module(dependency);
        sources.forEach((path, content) -> {
          if (upstream != null && classpath.moduleOf(path) == upstream && upstream.isMainSource(path)) {
            all.putIfAbsent(path, content);
          }
        });
      }
    }
    List<Path> entries = classpath.classpathOf(module);
    List<SourceFile> parsed = cache.lookup(all, entries);
    String what = module == null ? "" : " of " + module.id();
    if (parsed == null) {
      List<Parser.Input> list = new ArrayList<>();
      all.forEach((path, content) -> list.add(Parser.Input.fromString(Path.of(path), content)));
      ExecutionContext ctx = new InMemoryExecutionContext(e -> { });
      JavaParser parser =
          JavaParser.fromJavaVersion().classpath(entries).logCompilationWarningsAndErrors(false).build();
      long started = System.nanoTime();
      parsed = parser.parseInputs(list, null, ctx).toList();
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      int upstream = all.size() - files.size();
      progress.accept(String.format(Locale.ROOT, "parsed %d Java file(s)%s%s against %d classpath entr%s in %.1f s (%.0f files/s)",
          parsed.size(), what, upstream == 0 ? "" : " (with " + upstream + " of the reactor modules it depends on)",
          entries.size(), entries.size() == 1 ? "y" : "ies", millis / 1000.0, parsed.size() * 1000.0 / millis));
      cache.store(all, entries, parsed);
    } else {
      progress.accept("reused the parse of " + parsed.size() + " unchanged Java file(s)" + what + " (DTE_CACHE_ENABLED)");
    }
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile source : parsed) {
      if (files.containsKey(pathOf(source))) {
        kept.add(source);
        collectUnresolved(source);
      }
    }
    return kept;
  }

  private void collectUnresolved(SourceFile source) {
    if (!(source instanceof J.CompilationUnit unit)) {
      return;
    }
    for (J.Import anImport : unit.getImports()) {
      if (anImport.getQualid().getSimpleName().equals("*")) {
        continue;
      }
      JavaType type = anImport.isStatic() ? anImport.getQualid().getTarget().getType() : anImport.getQualid().getType();
      if (type == null || type instanceof JavaType.Unknown || !(type instanceof JavaType.FullyQualified)) {
        String name = anImport.getTypeName();
        if (!types.inScope(name)) {
          unresolved.add(name);
        }
      }
    }
  }

  private List<SourceFile> usable(List<SourceFile> parsed, Map<String, String> inputs, String token) {
    List<String> blocking = new ArrayList<>();
    List<SourceFile> usable = new ArrayList<>();
    // The round-trip check is per file, so it runs on the DTE workers.
    List<String> problems = workers.map(parsed, source -> roundTripProblem(source, inputs));
    for (int i = 0; i < parsed.size(); i++) {
      SourceFile source = parsed.get(i);
      String path = pathOf(source);
      String original = inputs.get(path);
      String problem = problems.get(i);
      if (problem == null) {
        usable.add(source);
      } else if (token != null && token.isEmpty()) {
        blocking.add(path + ": " + problem + ", and the recipe may change any file");
      } else if (token != null && original != null && original.contains(token)) {
        blocking.add(path + ": " + problem + ", and it mentions " + token);
      } else {
        warnings.add(path + ": " + problem + "; left unchanged (it does not mention " + token + ")");
      }
    }
    // Edits follow the project's own style (import layout, indentation), detected from its sources.
    if (!usable.isEmpty()) {
      Autodetect.Detector detector = Autodetect.detector();
      usable.forEach(detector::sample);
      Autodetect style = detector.build();
      usable.replaceAll(source -> source.withMarkers(source.getMarkers().add(style)));
    }
    if (!blocking.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add("refused: " + blocking.size() + " file(s) the change needs cannot be edited safely; nothing was changed");
      reasons.addAll(blocking);
      throw DteException.refused(reasons);
    }
    return usable;
  }

  static String pathOf(SourceFile source) {
    return source.getSourcePath().toString().replace('\\', '/');
  }

  /** Why a parsed file cannot be edited safely, or null when it prints back exactly. */
  private static String roundTripProblem(SourceFile source, Map<String, String> inputs) {
    String original = inputs.get(pathOf(source));
    if (source instanceof ParseError) {
      return source.getMarkers().findFirst(ParseExceptionResult.class)
          .map(r -> "does not parse: " + Targets.firstLine(r.getMessage()))
          .orElse("does not parse");
    }
    if (!source.printAll().equals(original)) {
      return "does not print back byte for byte";
    }
    return erroneous(source);
  }

  /** Syntax the parser could only keep as an error node, e.g. {@code int x = ;}. */
  private static String erroneous(SourceFile source) {
    AtomicReference<String> found = new AtomicReference<>();
    new JavaIsoVisitor<Integer>() {
      @Override
      public J.Erroneous visitErroneous(J.Erroneous erroneous, Integer unused) {
        found.compareAndSet(null, "has a syntax error near '" + Targets.firstLine(erroneous.printTrimmed(getCursor())) + "'");
        return erroneous;
      }
    }.visit(source, 0);
    return found.get();
  }

  /** Runs a recipe on parsed sources: new contents by path, and moves. */
  JavaLanguagePack.Edit run(Recipe recipe, List<SourceFile> parsed) {
    Map<String, String> contents = new LinkedHashMap<>();
    Map<String, String> moves = new LinkedHashMap<>();
    if (parsed.isEmpty()) {
      return new JavaLanguagePack.Edit(contents, moves);
    }
    List<String> failures = new ArrayList<>();
    ExecutionContext ctx = new InMemoryExecutionContext(e -> failures.add(e.getMessage()));
    List<Result> results = recipe.run(new InMemoryLargeSourceSet(parsed), ctx).getChangeset().getAllResults();
    if (!failures.isEmpty()) {
      throw DteException.refused(List.of("the " + recipe.getDisplayName() + " edit failed: " + failures.get(0)));
    }
    for (Result result : results) {
      if (result.getBefore() == null || result.getAfter() == null) {
        continue;
      }
      String before = pathOf(result.getBefore());
      String after = pathOf(result.getAfter());
      contents.put(after, result.getAfter().printAll());
      if (!before.equals(after)) {
        moves.put(before, after);
      }
    }
    return new JavaLanguagePack.Edit(contents, moves);
  }

  /** Runs recipes one after another, each on a fresh parse of the result of the one before. */
  JavaLanguagePack.Edit inSteps(List<Recipe> steps, String token) {
    Map<String, String> initial = new LinkedHashMap<>(sources);
    Map<String, String> moves = new LinkedHashMap<>();
    for (Recipe step : steps) {
      JavaLanguagePack.Edit edit = run(step, parse(mentioning(token), token));
      edit.moves().forEach((before, after) -> {
        sources.remove(before);
        String origin = moves.getOrDefault(before, before);
        moves.remove(before);
        moves.put(origin, after);
      });
      sources.putAll(edit.contents());
    }
    Map<String, String> contents = new LinkedHashMap<>();
    sources.forEach((path, content) -> {
      if (!content.equals(initial.get(path))) {
        contents.put(path, content);
      }
    });
    return new JavaLanguagePack.Edit(contents, moves);
  }
}
