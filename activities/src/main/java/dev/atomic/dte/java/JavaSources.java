package dev.atomic.dte.java;

import dev.atomic.dte.DteException;
import dev.atomic.dte.Workers;
import dev.atomic.dte.java.classpath.ProjectClasspath;
import java.nio.file.Files;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ParseExceptionResult;
import org.openrewrite.Parser;
import org.openrewrite.Recipe;
import org.openrewrite.Result;
import org.openrewrite.ScanningRecipe;
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
 * module (with the main sources of the reactor modules it depends on beside it), every parse proven
 * to print back byte for byte before anything is edited, and the types that could not be resolved
 * collected for the preview.
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
  private final boolean candidatesOnly;
  private final StubCache stubCache;
  private final Set<String> unresolved = new TreeSet<>();
  private final Set<String> checked = new java.util.HashSet<>();
  private final Set<String> modulesChecked = new java.util.HashSet<>();

  private final RecipeTrees carry;

  /** Types attributed beside the files of every parse, and what they resolved to, by module. */
  private final Set<String> probes = new TreeSet<>();

  private final Map<String, Map<String, JavaType.FullyQualified>> probed = new TreeMap<>();
  static final String PROBE = "AtomicTypeProbe.java";
  private static final Pattern IMPORT =
      java.util.regex.Pattern.compile(
          "(?m)^\\s*import\\s+(static\\s+)?([\\w$]+(?:\\s*\\.\\s*[\\w$]+)+)\\s*;");

  JavaSources(
      Map<String, String> sources,
      List<String> warnings,
      Consumer<String> progress,
      ProjectClasspath classpath,
      ParseCache cache,
      Workers workers,
      boolean candidatesOnly,
      StubCache stubCache,
      RecipeTrees carry) {
    this.stubCache = stubCache;
    this.carry = carry;
    this.candidatesOnly = candidatesOnly;
    this.sources = sources;
    this.warnings = warnings;
    this.progress = progress;
    this.classpath = classpath;
    this.cache = cache;
    this.workers = workers;
    this.types = new TypeLookup(classpath, sources);
  }

  /**
   * Types that the files of the parsed modules import and that neither the tree, its classpath nor
   * the JDK declare.
   */
  Set<String> unresolved() {
    return unresolved;
  }

  /**
   * The files that can be affected by a change of {@code token}: those that mention it. Only they
   * are parsed; the rest of each module stands in as signature stubs, so their types are the same.
   * With {@code DTE_PARSE=full} every source is parsed whenever one mentions it.
   */
  Map<String, String> mentioning(String token) {
    if (token == null) {
      return sources;
    }
    Map<String, String> hits = new TreeMap<>();
    sources.forEach(
        (path, content) -> {
          if (content.contains(token)) {
            hits.put(path, content);
          }
        });
    return hits.isEmpty() || candidatesOnly ? hits : sources;
  }

  /** Whether only the files a change can touch are parsed ({@code DTE_PARSE} is not full). */
  boolean candidatesOnly() {
    return candidatesOnly;
  }

  /** The files that mention any of {@code tokens}. */
  Map<String, String> mentioningAny(Set<String> tokens) {
    Map<String, String> hits = new TreeMap<>();
    sources.forEach(
        (path, content) -> {
          if (tokens.stream().anyMatch(content::contains)) {
            hits.put(path, content);
          }
        });
    return hits;
  }

  /** Why these files are parsed, for the progress output. */
  private String reason(String token) {
    if (token != null && token.isEmpty()) {
      return "every file: a recipe may change any file";
    }
    if (!candidatesOnly) {
      return "every file: DTE_PARSE=full";
    }
    return token == null ? "the files the patch names" : "the files that mention " + token;
  }

  /** The sources limited to a patch's files. */
  Map<String, String> narrow(Set<String> files) {
    Map<String, String> narrowed = new LinkedHashMap<>();
    sources.forEach(
        (path, content) -> {
          if (files.contains(path)) {
            narrowed.put(path, content);
          }
        });
    return narrowed;
  }

  /**
   * Parses the inputs, module by module, and proves each one prints back unchanged. Files that do
   * not round-trip and mention {@code token} refuse the change (an empty token: any file may be
   * touched); the others are reported and left alone.
   */
  List<SourceFile> parse(Map<String, String> inputs, String token) {
    return parse(inputs, token, reason(token));
  }

  /**
   * Parses the inputs as {@link #parse(Map, String)} does, saying {@code reason} for their choice
   * in the progress output.
   */
  List<SourceFile> parse(Map<String, String> inputs, String token, String reason) {
    if (inputs.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, String>> units = new TreeMap<>();
    inputs.forEach(
        (path, content) -> {
          ProjectClasspath.Module module = classpath.moduleOf(path);
          units
              .computeIfAbsent(module == null ? "" : module.id(), id -> new TreeMap<>())
              .put(path, content);
        });
    Map<String, SourceFile> byPath = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> unit : units.entrySet()) {
      ProjectClasspath.Module module =
          unit.getKey().isEmpty() ? null : classpath.module(unit.getKey());
      for (SourceFile source : parseUnit(module, unit.getValue(), reason)) {
        byPath.put(pathOf(source), source);
      }
    }
    List<SourceFile> parsed = new ArrayList<>();
    inputs
        .keySet()
        .forEach(
            path -> {
              if (byPath.containsKey(path)) {
                parsed.add(byPath.get(path));
              }
            });
    return usable(parsed, inputs, token);
  }

  /**
   * One module's files, parsed against its classpath. Beside them, the module's other sources and
   * the main sources of the reactor modules it depends on: as signature stubs when only candidates
   * are parsed, else parsed in full with them (and dropped afterwards).
   */
  private List<SourceFile> parseUnit(
      ProjectClasspath.Module module, Map<String, String> files, String reason) {
    Map<String, String> context = new TreeMap<>();
    sources.forEach(
        (path, content) -> {
          ProjectClasspath.Module owner = classpath.moduleOf(path);
          boolean sameModule = owner == module;
          boolean upstream =
              module != null
                  && owner != null
                  && module.reactorDependencies().contains(owner.id())
                  && owner.isMainSource(path);
          if ((sameModule && candidatesOnly || upstream) && !files.containsKey(path)) {
            context.put(path, content);
          }
        });
    checkImports(module, files);
    List<Path> entries = classpath.classpathOf(module);
    Map<String, String> key = new TreeMap<>(files);
    context.forEach((path, content) -> key.put((candidatesOnly ? "stub:" : "") + path, content));
    String probe = probeSource();
    if (probe != null) {
      key.put("probe:" + PROBE, probe);
    }
    List<SourceFile> parsed = cache.lookup(key, entries);
    String what = module == null ? "" : " of " + module.id();
    if (parsed == null) {
      long started = System.nanoTime();
      List<Parser.Input> list = new ArrayList<>();
      files.forEach((path, content) -> list.add(Parser.Input.fromString(Path.of(path), content)));
      if (probe != null) {
        list.add(Parser.Input.fromString(Path.of(PROBE), probe));
      }
      JavaParser.Builder<?, ?> builder =
          JavaParser.fromJavaVersion().classpath(entries).logCompilationWarningsAndErrors(false);
      String beside;
      Path stubClasses = null;
      if (candidatesOnly && context.isEmpty()) {
        beside = "";
      } else if (candidatesOnly) {
        // Stubs of every file of the unit, the candidates too, since the others may refer to them;
        // javac takes a candidate's type from its source, never from its stub.
        Map<String, String> everything = new TreeMap<>(context);
        everything.putAll(files);
        long stubbing = System.nanoTime();
        SignatureStubs.Result stubs = stubCache.of(everything);
        long stubbed = System.nanoTime();
        stubs
            .unparsable()
            .forEach(
                (path, problem) -> {
                  if (!files.containsKey(path)) {
                    warnings.add(
                        path
                            + ": does not parse ("
                            + problem
                            + "); left unchanged and left out of type attribution");
                  }
                });
        // When every stub's types are named after its file, javac reads, as the candidates need
        // them, the stubs' sources beside the classpath, in the same compilation; else the stubs
        // are compiled first, as far as the candidates reach.
        boolean asNeeded = stubs.findableByName();
        String failure;
        try {
          stubClasses = Files.createTempDirectory("atomic-stubs");
          if (asNeeded) {
            builder.classpath(withEntry(entries, SignatureStubs.write(stubs, stubClasses)));
            failure = null;
            progress.accept(
                String.format(
                    Locale.ROOT,
                    "signature stubs of %d file(s): written in %.1f s",
                    stubs.stubs().size(),
                    (System.nanoTime() - stubbing) / 1e9));
          } else {
            failure = SignatureStubs.compile(stubs, files.keySet(), entries, stubClasses);
            progress.accept(
                String.format(
                    Locale.ROOT,
                    "signature stubs of %d file(s): written in %.1f s, compiled in %.1f s (%s"
                        + " declares a top-level type not named after the file, which javac"
                        + " cannot look up)",
                    stubs.stubs().size(),
                    (stubbed - stubbing) / 1e9,
                    (System.nanoTime() - stubbed) / 1e9,
                    stubs.misnamed().iterator().next()));
          }
        } catch (java.io.IOException e) {
          failure = e.getMessage();
        }
        if (failure == null && asNeeded) {
          beside =
              context.isEmpty()
                  ? ""
                  : ", with "
                      + context.size()
                      + " other file(s) as signature stubs that javac reads as it needs them";
        } else if (failure == null) {
          builder.classpath(withEntry(entries, SignatureStubs.classesOf(stubClasses)));
          beside =
              context.isEmpty()
                  ? ""
                  : ", with " + context.size() + " other file(s) as compiled signature stubs";
        } else {
          // Stubs that do not compile (a type nothing declares, say) are parsed beside the
          // candidates.
          stubs
              .stubs()
              .forEach(
                  (path, content) -> {
                    if (!files.containsKey(path)) {
                      list.add(Parser.Input.fromString(Path.of(path), content));
                    }
                  });
          beside =
              ", with "
                  + context.size()
                  + " other file(s) as signature stubs (parsed: they do not compile on"
                  + " their own: "
                  + failure
                  + ")";
        }
      } else {
        context.forEach(
            (path, content) -> list.add(Parser.Input.fromString(Path.of(path), content)));
        beside =
            context.isEmpty()
                ? ""
                : ", with " + context.size() + " file(s) of the reactor modules it depends on";
      }
      ExecutionContext ctx = new InMemoryExecutionContext(e -> {});
      try {
        parsed = builder.build().parseInputs(list, null, ctx).toList();
      } finally {
        deleteTree(stubClasses);
      }
      long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
      progress.accept(
          String.format(
              Locale.ROOT,
              "parsed %d Java file(s)%s (%s)%s, against %d classpath entr%s in %.1f s",
              files.size(),
              what,
              reason,
              beside,
              entries.size(),
              entries.size() == 1 ? "y" : "ies",
              millis / 1000.0));
      cache.store(key, entries, parsed);
    } else {
      progress.accept(
          "reused the parse of "
              + files.size()
              + " unchanged Java file(s)"
              + what
              + " (DTE_CACHE_ENABLED)");
    }
    if (probe != null) {
      keepProbed(module == null ? "" : module.id(), parsed);
    }
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile source : parsed) {
      if (files.containsKey(pathOf(source))) {
        kept.add(source);
      }
    }
    return kept;
  }

  /**
   * Types {@code fqn} beside the files of the parses that follow, at almost no cost, for {@link
   * #probed}: the type as the first module (in module order) that resolves it sees it.
   */
  void probe(String fqn) {
    probes.add(fqn);
  }

  /**
   * The type {@code fqn} as a parse since {@link #probe} resolved it, or null; later parses no
   * longer type it.
   */
  JavaType.FullyQualified probed(String fqn) {
    probes.remove(fqn);
    return probed.values().stream()
        .map(types -> types.get(fqn))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** A class with a field of each probed type, or null when there is none to probe. */
  private String probeSource() {
    return probes.isEmpty() || sources.containsKey(PROBE) ? null : probeSource(probes);
  }

  /** The source of {@link #PROBE}: a class with a field of each of {@code types}. */
  static String probeSource(java.util.Collection<String> types) {
    StringBuilder text = new StringBuilder("class AtomicTypeProbe {");
    int i = 0;
    for (String fqn : types) {
      text.append(' ').append(fqn).append(" probe").append(i++).append(';');
    }
    return text.append(" }").toString();
  }

  /** The types the fields of a parsed {@link #PROBE} resolved to, by name; none if it is not. */
  static Map<String, JavaType.FullyQualified> probedTypes(SourceFile source) {
    Map<String, JavaType.FullyQualified> types = new TreeMap<>();
    if (source instanceof J.CompilationUnit probe && pathOf(probe).equals(PROBE)) {
      for (J.ClassDeclaration type : probe.getClasses()) {
        for (org.openrewrite.java.tree.Statement statement : type.getBody().getStatements()) {
          if (statement instanceof J.VariableDeclarations field
              && field.getTypeAsFullyQualified() != null
              && !(field.getTypeAsFullyQualified() instanceof JavaType.Unknown)
              && field.getTypeExpression() != null) {
            types.putIfAbsent(
                field.getTypeExpression().printTrimmed().replaceAll("\\s+", ""),
                field.getTypeAsFullyQualified());
          }
        }
      }
    }
    return types;
  }

  private void keepProbed(String unit, List<SourceFile> parsed) {
    for (SourceFile source : parsed) {
      Map<String, JavaType.FullyQualified> types = probedTypes(source);
      if (!types.isEmpty()) {
        probed.computeIfAbsent(unit, id -> new TreeMap<>()).putAll(types);
      }
    }
  }

  /** A module's own files and imports, checked once, by the first parse of any of its files. */
  private void checkImports(ProjectClasspath.Module module, Map<String, String> files) {
    if (modulesChecked.add(module == null ? "" : module.id())) {
      Map<String, String> ownFiles = new TreeMap<>(files);
      sources.forEach(
          (path, content) -> {
            if (classpath.moduleOf(path) == module) {
              ownFiles.put(path, content);
            }
          });
      collectUnresolved(ownFiles);
    }
  }

  /** The imports of every file of a parsed module that nothing declares, read from the text. */
  private void collectUnresolved(Map<String, String> files) {
    for (String content : files.values()) {
      Matcher matcher = IMPORT.matcher(content);
      while (matcher.find()) {
        String name = matcher.group(2).replaceAll("\\s+", "");
        String type = matcher.group(1) != null ? name.substring(0, name.lastIndexOf('.')) : name;
        if (!checked.contains(type)
            && checked.add(type)
            && type.contains(".")
            && !types.resolvable(type)) {
          unresolved.add(type);
        }
      }
    }
  }

  private List<SourceFile> usable(
      List<SourceFile> parsed, Map<String, String> inputs, String token) {
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
        blocking.add(path + ": " + problem + ", and the recipe may change it");
      } else if (token != null && original != null && original.contains(token)) {
        blocking.add(path + ": " + problem + ", and it mentions " + token);
      } else {
        warnings.add(
            path + ": " + problem + "; left unchanged (it does not mention " + token + ")");
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
      reasons.add(
          "refused: "
              + blocking.size()
              + " file(s) the change needs cannot be edited safely; nothing was changed");
      reasons.addAll(blocking);
      throw DteException.refused(reasons);
    }
    return usable;
  }

  private static List<Path> withEntry(List<Path> entries, Path entry) {
    List<Path> all = new ArrayList<>(entries);
    all.add(entry);
    return all;
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary directory left behind is harmless
    }
  }

  static String pathOf(SourceFile source) {
    return source.getSourcePath().toString().replace('\\', '/');
  }

  /** Why a parsed file cannot be edited safely, or null when it prints back exactly. */
  private static String roundTripProblem(SourceFile source, Map<String, String> inputs) {
    String original = inputs.get(pathOf(source));
    if (source instanceof ParseError) {
      return source
          .getMarkers()
          .findFirst(ParseExceptionResult.class)
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
        found.compareAndSet(
            null,
            "has a syntax error near '"
                + Targets.firstLine(erroneous.printTrimmed(getCursor()))
                + "'");
        return erroneous;
      }
    }.visit(source, 0);
    return found.get();
  }

  /** Runs a recipe on parsed sources: new contents by path, and moves. */
  JavaLanguagePack.Edit run(Recipe recipe, List<SourceFile> parsed) {
    return run(recipe, null, parsed, new LinkedHashMap<>());
  }

  /**
   * As {@link #run(Recipe, List)}, with {@code another} giving a second instance of the recipe for
   * a run on two halves of the files at once.
   */
  JavaLanguagePack.Edit run(Recipe recipe, Supplier<Recipe> another, List<SourceFile> parsed) {
    return run(recipe, another, parsed, new LinkedHashMap<>());
  }

  /**
   * Runs the recipe; {@code trees} (by path) is updated to the trees it leaves. With {@code
   * another}, a source of further instances of the same recipe, a recipe that edits each file on
   * its own (no scanning recipe in it) runs on two halves of the files at once, one instance each.
   */
  private JavaLanguagePack.Edit run(
      Recipe recipe,
      Supplier<Recipe> another,
      List<SourceFile> parsed,
      Map<String, SourceFile> trees) {
    Map<String, String> contents = new LinkedHashMap<>();
    Map<String, String> moves = new LinkedHashMap<>();
    if (parsed.isEmpty()) {
      return new JavaLanguagePack.Edit(contents, moves);
    }
    List<Result> results;
    if (another != null
        && workers.threads() > 1
        && parsed.size() >= SPLIT_AT
        && fileByFile(recipe)) {
      int half = halfway(parsed);
      List<Recipe> instances = List.of(recipe, another.get());
      List<List<SourceFile>> halves =
          List.of(parsed.subList(0, half), parsed.subList(half, parsed.size()));
      // A recipe finds what it loads (type tables, say) through the thread's context class loader.
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      List<List<Result>> parts =
          workers.map(
              List.of(0, 1),
              i -> {
                Thread thread = Thread.currentThread();
                ClassLoader own = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                  return results(instances.get(i), halves.get(i));
                } finally {
                  thread.setContextClassLoader(own);
                }
              });
      results = new ArrayList<>(parts.get(0));
      results.addAll(parts.get(1));
      progress.accept(
          "edited the "
              + parsed.size()
              + " Java file(s) in two halves at once, since the change edits each file on its own");
    } else {
      results = results(recipe, parsed);
    }
    for (Result result : results) {
      if (result.getBefore() != null) {
        trees.remove(pathOf(result.getBefore()));
      }
      if (result.getAfter() != null) {
        trees.put(pathOf(result.getAfter()), result.getAfter());
      }
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

  /** Below this many files a recipe runs on them in one piece. */
  private static final int SPLIT_AT = 16;

  private static List<Result> results(Recipe recipe, List<SourceFile> parsed) {
    List<String> failures = new ArrayList<>();
    ExecutionContext ctx = new InMemoryExecutionContext(e -> failures.add(e.getMessage()));
    List<Result> results =
        recipe.run(new InMemoryLargeSourceSet(parsed), ctx).getChangeset().getAllResults();
    if (!failures.isEmpty()) {
      throw DteException.refused(
          List.of("the " + recipe.getDisplayName() + " edit failed: " + failures.get(0)));
    }
    return results;
  }

  /** Whether the recipe edits each file on its own: no scanning recipe anywhere in it. */
  static boolean fileByFile(Recipe recipe) {
    if (recipe instanceof ScanningRecipe<?>) {
      return false;
    }
    return recipe.getRecipeList().stream().allMatch(JavaSources::fileByFile);
  }

  /** Where the files split into two halves of about the same amount of source. */
  private int halfway(List<SourceFile> parsed) {
    long total = 0;
    long[] sizes = new long[parsed.size()];
    for (int i = 0; i < sizes.length; i++) {
      String content = sources.get(pathOf(parsed.get(i)));
      sizes[i] = content == null ? 1 : content.length();
      total += sizes[i];
    }
    long seen = 0;
    for (int i = 0; i < sizes.length - 1; i++) {
      seen += sizes[i];
      if (seen * 2 >= total) {
        return i + 1;
      }
    }
    return sizes.length - 1;
  }

  /**
   * The trees the previous recipe left for {@code inputs}, when nothing changed the sources since
   * and it left a tree for each; else null.
   */
  List<SourceFile> carriedOver(Map<String, String> inputs) {
    if (carry.trees.isEmpty() || !carry.sources.equals(sources)) {
      return null;
    }
    List<SourceFile> trees = new ArrayList<>();
    for (String path : inputs.keySet()) {
      SourceFile tree = carry.trees.get(path);
      if (tree == null) {
        return null;
      }
      trees.add(tree);
    }
    return trees;
  }

  /**
   * Runs a recipe as {@link #run(Recipe, List)} does and keeps the trees it leaves, so that a
   * recipe that follows can run on them.
   */
  JavaLanguagePack.Edit runAndCarry(
      Recipe recipe, Supplier<Recipe> another, List<SourceFile> parsed) {
    Map<String, SourceFile> after = new LinkedHashMap<>();
    parsed.forEach(source -> after.put(pathOf(source), source));
    JavaLanguagePack.Edit edit = run(recipe, another, parsed, after);
    Map<String, String> next = new TreeMap<>(sources);
    edit.moves().keySet().forEach(next::remove);
    next.putAll(edit.contents());
    carry.trees = after;
    carry.sources = next;
    return edit;
  }

  /** Runs recipes one after another, each on a fresh parse of the result of the one before. */
  JavaLanguagePack.Edit inSteps(List<Recipe> steps, String token) {
    Map<String, String> initial = new LinkedHashMap<>(sources);
    Map<String, String> moves = new LinkedHashMap<>();
    for (Recipe step : steps) {
      JavaLanguagePack.Edit edit = run(step, parse(mentioning(token), token));
      edit.moves()
          .forEach(
              (before, after) -> {
                sources.remove(before);
                String origin = moves.getOrDefault(before, before);
                moves.remove(before);
                moves.put(origin, after);
              });
      sources.putAll(edit.contents());
    }
    Map<String, String> contents = new LinkedHashMap<>();
    sources.forEach(
        (path, content) -> {
          if (!content.equals(initial.get(path))) {
            contents.put(path, content);
          }
        });
    return new JavaLanguagePack.Edit(contents, moves);
  }
}
