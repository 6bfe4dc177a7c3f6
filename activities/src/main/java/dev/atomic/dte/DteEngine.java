package dev.atomic.dte;

import com.google.re2j.Pattern;
import dev.atomic.dte.batches.ChangedFile;
import dev.atomic.dte.java.JavaLanguagePack;
import dev.atomic.dte.java.ParseCache;
import dev.atomic.dte.java.RecipeCatalog;
import dev.atomic.dte.java.RecipeTrees;
import dev.atomic.dte.java.StubCache;
import dev.atomic.dte.java.classpath.MavenClasspaths;
import dev.atomic.dte.java.classpath.ProjectClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The Deterministic Transform Engine: turns a ChangeSpec into exact edits of a tree. The same spec
 * on the same tree always gives the same edits, in path order. {@link #preview} changes nothing;
 * {@link #apply} writes the previewed edits and nothing else. Java sources are typed against their
 * build's classpath: each Maven module's own, or the classpath given with the request. An engine
 * holds its settings, its worker threads and its caches; one serves many jobs.
 */
public final class DteEngine {

  /** Operations every language can use, because they work on text. */
  static final Set<String> TEXT_OPERATIONS = Set.of("editRegex", "editString");

  static final String AVAILABLE = "available: java; editRegex and editString work on any file";

  /** Files larger than this are left out of the scope, with a warning. */
  static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  private final DteSettings settings;
  private final Workers workers;
  private final ParseCache parseCache;
  private final RecipeCatalog recipes;
  private final MavenClasspaths maven;
  private final StubCache stubs = new StubCache();

  public DteEngine(DteSettings settings) {
    this.settings = settings;
    this.workers = new Workers(settings.workers());
    this.parseCache = new ParseCache(settings.parseCache());
    this.recipes = new RecipeCatalog();
    this.maven = new MavenClasspaths(settings.maven());
  }

  /** An engine with this process's settings ({@link DteSettings#fromEnvironment()}). */
  public static DteEngine fromEnvironment() {
    return new DteEngine(DteSettings.fromEnvironment());
  }

  public DteSettings settings() {
    return settings;
  }

  public Workers workers() {
    return workers;
  }

  /** The Maven classpath resolver, whose cache verification shares. */
  public MavenClasspaths classpaths() {
    return maven;
  }

  /** Every edit the spec makes, as diffs; the tree is not touched. */
  public DtePreview preview(ChangeSpec spec, Path root) {
    return preview(spec, root, List.of(), message -> {});
  }

  /** As {@link #preview(ChangeSpec, Path)}, reporting progress of long steps. */
  public DtePreview preview(ChangeSpec spec, Path root, Consumer<String> progress) {
    return preview(spec, root, List.of(), progress);
  }

  /**
   * As {@link #preview(ChangeSpec, Path)}, with jars and class directories added to every module's
   * classpath (the whole classpath of a tree without a {@code pom.xml}).
   */
  public DtePreview preview(
      ChangeSpec spec, Path root, List<Path> classpath, Consumer<String> progress) {
    return run(spec, root, false, classpath, progress);
  }

  /** Applies the spec in place and reports what it changed. */
  public DtePreview apply(ChangeSpec spec, Path root) {
    return apply(spec, root, List.of(), message -> {});
  }

  /** As {@link #apply(ChangeSpec, Path)}, reporting progress of long steps. */
  public DtePreview apply(ChangeSpec spec, Path root, Consumer<String> progress) {
    return apply(spec, root, List.of(), progress);
  }

  /** As {@link #apply(ChangeSpec, Path)}, with an explicit classpath as for {@link #preview}. */
  public DtePreview apply(
      ChangeSpec spec, Path root, List<Path> classpath, Consumer<String> progress) {
    return run(spec, root, true, classpath, progress);
  }

  /** A computed change: the preview plus the new contents and moves it describes. */
  public record Planned(
      DtePreview preview,
      Map<String, String> original,
      Map<String, String> contents,
      Map<String, String> movedFrom,
      List<Path> classpath) {

    /** The changed files, in path order, for batch planning. */
    public List<ChangedFile> changedFiles() {
      List<ChangedFile> files = new ArrayList<>();
      for (String path : preview.patches()) {
        String from = movedFrom.getOrDefault(path, path);
        files.add(
            new ChangedFile(
                path,
                original.containsKey(from) ? from : null,
                original.get(from),
                contents.get(path)));
      }
      return files;
    }
  }

  private DtePreview run(
      ChangeSpec spec, Path root, boolean write, List<Path> classpath, Consumer<String> progress) {
    Planned planned = plan(spec, root, !write, classpath, progress);
    if (write) {
      write(
          root,
          planned.contents(),
          planned.movedFrom(),
          new TreeSet<>(planned.preview().patches()));
    }
    return planned.preview();
  }

  /** The change a spec makes, computed in memory. */
  public Planned plan(
      ChangeSpec spec, Path root, boolean dryRun, List<Path> classpath, Consumer<String> progress) {
    requireLanguagePack(spec);
    if ("java".equals(spec.language())
        && spec.patches().stream().anyMatch(p -> !p.astOp().equals("editRegex"))) {
      JavaLanguagePack.warmUp();
    }
    List<String> warnings = new ArrayList<>();
    List<String> scope = Scope.resolve(root, spec.scope());
    Map<String, String> original = read(root, scope, warnings);
    progress.accept("scope: " + original.size() + " file(s)");
    Map<String, String> current = new TreeMap<>(original);
    Map<String, String> movedFrom = new TreeMap<>(); // new path -> original path
    List<Path> explicit = ExplicitClasspath.resolve(root, classpath);
    ProjectClasspath[] types = {null};
    Set<String> unresolvedTypes = new TreeSet<>();
    RecipeTrees recipeTrees = new RecipeTrees();
    java.util.function.Function<
            java.util.function.Function<JavaLanguagePack, JavaLanguagePack.Edit>,
            JavaLanguagePack.Edit>
        java =
            operation -> {
              if (types[0] == null) {
                types[0] = maven.resolve(root, progress).withExplicit(explicit);
                if (!explicit.isEmpty() || types[0].modules().isEmpty()) {
                  progress.accept("classpath: " + types[0].describe());
                }
              }
              JavaLanguagePack pack =
                  new JavaLanguagePack(
                      javaSources(current),
                      warnings,
                      progress,
                      types[0],
                      parseCache,
                      workers,
                      recipes,
                      !settings.fullParse(),
                      stubs,
                      recipeTrees);
              try {
                return operation.apply(pack);
              } finally {
                unresolvedTypes.addAll(pack.unresolvedTypes());
              }
            };

    for (int i = 0; i < spec.patches().size(); i++) {
      int n = i;
      ChangeSpec.Patch patch = spec.patches().get(i);
      Set<String> files = filesOf(patch, current.keySet(), i);
      progress.accept("patch " + (i + 1) + "/" + spec.patches().size() + ": " + patch.astOp());
      switch (patch.astOp()) {
        case "editRegex" -> editRegex(i, patch, files, current);
        case "editString" -> {
          if ("java".equals(spec.language())) {
            merge(java.apply(p -> p.editString(n, patch, javaFiles(files))), current, movedFrom);
          }
          editStringOutsideJava(i, patch, files, current, spec);
        }
        case "renameSymbol" -> merge(java.apply(p -> p.renameSymbol(n, patch)), current, movedFrom);
        case "replaceAPI" -> merge(java.apply(p -> p.replaceApi(n, patch)), current, movedFrom);
        case "moveModule" -> merge(java.apply(p -> p.moveModule(n, patch)), current, movedFrom);
        case "deleteNode" ->
            merge(java.apply(p -> p.deleteNode(n, patch, javaFiles(files))), current, movedFrom);
        case "insertNode" ->
            merge(java.apply(p -> p.insertNode(n, patch, javaFiles(files))), current, movedFrom);
        case "recipe" -> merge(java.apply(p -> p.recipe(n, patch)), current, movedFrom);
        default ->
            throw DteException.unsupported(
                "/patches/"
                    + i
                    + "/astOp: "
                    + patch.astOp()
                    + " is not supported yet by the java pack (supported: renameSymbol, replaceAPI,"
                    + " moveModule, insertNode, deleteNode, recipe, editString, editRegex)");
      }
    }

    Set<String> changed = new TreeSet<>();
    for (Map.Entry<String, String> file : current.entrySet()) {
      String path = file.getKey();
      String from = movedFrom.getOrDefault(path, path);
      String before = original.get(from);
      if (before == null || !before.equals(file.getValue()) || !from.equals(path)) {
        changed.add(path);
      }
    }
    List<FileDiff> diffs =
        workers.map(
            List.copyOf(changed),
            path -> {
              String from = movedFrom.getOrDefault(path, path);
              String before = original.get(from);
              return UnifiedDiffs.of(
                  from,
                  from.equals(path) ? null : path,
                  before == null ? "" : before,
                  current.get(path));
            });
    int insertions = diffs.stream().mapToInt(FileDiff::insertions).sum();
    int deletions = diffs.stream().mapToInt(FileDiff::deletions).sum();
    List<String> unresolved = List.copyOf(unresolvedTypes);
    if (!unresolved.isEmpty()) {
      warnings.add(
          unresolved.size()
              + " type(s) used in scope cannot be resolved, so calls on them cannot be matched: "
              + String.join(", ", unresolved.subList(0, Math.min(10, unresolved.size())))
              + (unresolved.size() > 10 ? ", …" : "")
              + " (add the dependency to pom.xml or pass --classpath)");
    }
    if (spec.patches().isEmpty()) {
      warnings.add("the spec has no patches; nothing to change");
    } else if (changed.isEmpty()) {
      warnings.add("no file in scope is affected by the patches");
    }
    DtePreview preview =
        new DtePreview(
            true,
            dryRun,
            List.copyOf(changed),
            List.of(),
            List.copyOf(warnings),
            List.copyOf(diffs),
            new DtePreview.Summary(diffs.size(), insertions, deletions),
            null,
            null,
            unresolved.isEmpty() ? null : unresolved);
    return new Planned(
        preview, original, current, movedFrom, types[0] == null ? explicit : types[0].everyEntry());
  }

  /** Refuses invariants that need a language pack the spec's language does not have. */
  public static void requireLanguagePackFor(ChangeSpec spec) {
    if ("java".equals(spec.language())) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < spec.invariants().size(); i++) {
      ChangeSpec.Invariant invariant = spec.invariants().get(i);
      boolean textual =
          invariant.type().equals("regex")
              || (invariant.type().equals("typecheck")
                  && invariant.spec() != null
                  && !invariant.spec().isBlank());
      if (!textual) {
        reasons.add(
            "/invariants/"
                + i
                + "/type: language pack not available: "
                + spec.language()
                + " (available: java; regex invariants and typecheck commands work on any language)");
      }
    }
    if (!reasons.isEmpty()) {
      throw new DteException(DteException.Kind.UNSUPPORTED, reasons);
    }
  }

  private static void requireLanguagePack(ChangeSpec spec) {
    if ("java".equals(spec.language())) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    for (int i = 0; i < spec.patches().size(); i++) {
      if (!TEXT_OPERATIONS.contains(spec.patches().get(i).astOp())) {
        reasons.add(
            "/patches/"
                + i
                + "/astOp: language pack not available: "
                + spec.language()
                + " ("
                + AVAILABLE
                + ")");
      }
    }
    if (!reasons.isEmpty()) {
      throw new DteException(DteException.Kind.UNSUPPORTED, reasons);
    }
  }

  private static Map<String, String> javaSources(Map<String, String> current) {
    Map<String, String> javaSources = new TreeMap<>();
    current.forEach(
        (path, content) -> {
          if (path.endsWith(".java")) {
            javaSources.put(path, content);
          }
        });
    return javaSources;
  }

  private static void merge(
      JavaLanguagePack.Edit edit, Map<String, String> current, Map<String, String> movedFrom) {
    edit.moves()
        .forEach(
            (before, after) -> {
              current.remove(before);
              movedFrom.put(after, movedFrom.getOrDefault(before, before));
              movedFrom.remove(before);
            });
    current.putAll(edit.contents());
  }

  private static Set<String> filesOf(ChangeSpec.Patch patch, Set<String> scope, int index) {
    if (patch.path() == null) {
      return new LinkedHashSet<>(scope);
    }
    if (patch.path().contains("..") || patch.path().startsWith("/")) {
      throw DteException.invalid(
          "/patches/" + index + "/path: must be a glob inside the scope: '" + patch.path() + "'");
    }
    Set<String> files = new LinkedHashSet<>();
    for (String file : scope) {
      if (Scope.matches(patch.path(), file)) {
        files.add(file);
      }
    }
    return files;
  }

  private static Set<String> javaFiles(Set<String> files) {
    Set<String> java = new LinkedHashSet<>();
    files.stream().filter(f -> f.endsWith(".java")).forEach(java::add);
    return java;
  }

  private static void editRegex(
      int i, ChangeSpec.Patch patch, Set<String> files, Map<String, String> current) {
    String pointer = "/patches/" + i;
    Pattern pattern =
        TextEdits.compile(patch.requireDetail(i, "pattern"), pointer + "/details/pattern");
    Object replacement = patch.details().get("replacement");
    if (!(replacement instanceof String text)) {
      throw DteException.invalid(pointer + "/details/replacement: required for editRegex");
    }
    for (String file : files) {
      current.put(
          file,
          TextEdits.regex(current.get(file), pattern, text, pointer + "/details/replacement"));
    }
  }

  private static void editStringOutsideJava(
      int i,
      ChangeSpec.Patch patch,
      Set<String> files,
      Map<String, String> current,
      ChangeSpec spec) {
    String from = patch.requireDetail(i, "from");
    Object to = patch.details().get("to");
    if (!(to instanceof String replacement)) {
      throw DteException.invalid("/patches/" + i + "/details/to: required for editString");
    }
    for (String file : files) {
      if ("java".equals(spec.language()) && file.endsWith(".java")) {
        continue; // handled on the syntax tree, where comments and text blocks are told apart
      }
      current.put(file, TextEdits.stringLiteral(current.get(file), from, replacement));
    }
  }

  /** A moved package leaves no empty directories behind. */
  private static void removeEmptyParents(Path base, Path dir) throws IOException {
    while (dir != null && !dir.equals(base) && dir.startsWith(base) && Files.isDirectory(dir)) {
      try (var entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  private static Map<String, String> read(Path root, List<String> scope, List<String> warnings) {
    Map<String, String> files = new TreeMap<>();
    for (String path : scope) {
      Path file = root.resolve(path);
      try {
        if (Files.size(file) > MAX_FILE_BYTES) {
          warnings.add(path + ": larger than " + MAX_FILE_BYTES + " bytes; left out");
          continue;
        }
        files.put(
            path,
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString());
      } catch (CharacterCodingException e) {
        warnings.add(path + ": not UTF-8 text; left out");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  /** Writes the given changed paths (and removes the files they moved from). */
  public static void write(
      Path root, Map<String, String> current, Map<String, String> movedFrom, Set<String> changed) {
    try {
      Path base = root.toRealPath();
      for (String path : changed) {
        Path target = base.resolve(path).normalize();
        if (!target.startsWith(base)) {
          throw DteException.refused(List.of(path + ": leads outside the working directory"));
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, current.get(path), StandardCharsets.UTF_8);
      }
      for (Map.Entry<String, String> move : movedFrom.entrySet()) {
        if (changed.contains(move.getKey()) && !current.containsKey(move.getValue())) {
          Path old = base.resolve(move.getValue()).normalize();
          Files.deleteIfExists(old);
          removeEmptyParents(base, old.getParent());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
