package dev.atomic.dte.java.classpath;

import dev.atomic.dte.DteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.openrewrite.ExecutionContext;
import org.openrewrite.InMemoryExecutionContext;
import org.openrewrite.ParseExceptionResult;
import org.openrewrite.Parser;
import org.openrewrite.SourceFile;
import org.openrewrite.Tree;
import org.openrewrite.TreeVisitor;
import org.openrewrite.marker.Markup;
import org.openrewrite.maven.MavenExecutionContextView;
import org.openrewrite.maven.MavenParser;
import org.openrewrite.maven.MavenSettings;
import org.openrewrite.maven.cache.LocalMavenArtifactCache;
import org.openrewrite.maven.tree.MavenRepository;
import org.openrewrite.maven.tree.MavenRepositoryMirror;
import org.openrewrite.maven.tree.MavenResolutionResult;
import org.openrewrite.maven.tree.ResolvedDependency;
import org.openrewrite.maven.tree.Scope;
import org.openrewrite.maven.utilities.MavenArtifactDownloader;
import org.openrewrite.tree.ParseError;

/**
 * Resolves the compile and test classpaths of every module of a Maven tree with OpenRewrite's Maven
 * model: parent POMs (from the reactor or a repository), dependency management, BOM imports and
 * properties are applied as Maven does; profiles stay off unless they are active by default. Jars
 * come from the local repository, downloading what is missing from the POM's repositories or the
 * configured mirror. Results are kept per set of POM contents, so a mission resolves once.
 */
public final class MavenClasspaths {

  /**
   * Where artifacts come from.
   *
   * @param localRepository the local repository, used as cache; null for {@code ~/.m2/repository}
   * @param mirror a repository URL that stands in for every remote repository (air-gapped use);
   *     null to use the POMs' own repositories and Maven Central
   * @param cacheDirectory where resolved classpaths are kept between processes; null keeps them in
   *     this process only
   */
  public record Settings(Path localRepository, String mirror, Path cacheDirectory) {

    public Settings(Path localRepository, String mirror) {
      this(localRepository, mirror, null);
    }

    /** {@code ATOMIC_MAVEN_LOCAL_REPOSITORY} and {@code ATOMIC_MAVEN_MIRROR} of this process. */
    public static Settings fromEnvironment() {
      return from(System::getenv);
    }

    /**
     * {@code ATOMIC_MAVEN_LOCAL_REPOSITORY} and {@code ATOMIC_MAVEN_MIRROR} as {@code variables}
     * name them.
     */
    public static Settings from(java.util.function.Function<String, String> variables) {
      String local = variables.apply("ATOMIC_MAVEN_LOCAL_REPOSITORY");
      String mirror = variables.apply("ATOMIC_MAVEN_MIRROR");
      String home = variables.apply("ATOMIC_HOME");
      return new Settings(
          local == null || local.isBlank() ? null : Path.of(local.strip()),
          mirror == null || mirror.isBlank() ? null : mirror.strip(),
          home == null || home.isBlank()
              ? null
              : Path.of(home.strip()).resolve("cache").resolve("classpaths"));
    }

    Path localRepositoryOrDefault() {
      return localRepository != null
          ? localRepository
          : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
  }

  private static final int MAX_DEPTH = 8;
  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of("target", "node_modules", "build", "out");
  private static final int REMEMBERED = 16;

  /** How long a classpath kept on disk is used; released artifacts do not change. */
  private static final java.time.Duration DISK_MAX_AGE = java.time.Duration.ofDays(7);

  private final Settings settings;
  private final ClasspathCache disk;
  private final Map<String, ProjectClasspath> resolved =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProjectClasspath> eldest) {
          return size() > REMEMBERED;
        }
      };

  public MavenClasspaths(Settings settings) {
    this.settings = settings;
    this.disk =
        settings.cacheDirectory() == null
            ? null
            : new ClasspathCache(
                settings.cacheDirectory(), DISK_MAX_AGE, java.time.Clock.systemUTC());
  }

  public Settings settings() {
    return settings;
  }

  /**
   * The {@code pom.xml} files of a tree, relative to it, outside build output and hidden
   * directories.
   */
  public static List<String> poms(Path root) {
    if (!Files.isRegularFile(root.resolve("pom.xml"))) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk =
        Files.walk(root, MAX_DEPTH)
            .filter(p -> p.getFileName().toString().equals("pom.xml"))
            .filter(p -> !skipped(root.relativize(p)))) {
      walk.forEach(p -> found.add(root.relativize(p).toString().replace('\\', '/')));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    found.sort(null);
    return found;
  }

  private static boolean skipped(Path relative) {
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name) || name.equals("src")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The classpaths of every module of the Maven tree at {@code root}, or {@link
   * ProjectClasspath#NONE} when it has no {@code pom.xml} at its top.
   *
   * @throws DteException (invalid) naming the POM and what to fix when a POM does not parse or a
   *     dependency cannot be resolved
   */
  public ProjectClasspath resolve(Path root, Consumer<String> progress) {
    List<String> poms = poms(root);
    if (poms.isEmpty()) {
      return ProjectClasspath.NONE;
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (String pom : poms) {
      try {
        texts.put(pom, Files.readString(root.resolve(pom), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw DteException.invalid(pom + ": cannot be read: " + e.getMessage());
      }
    }
    String key = key(texts);
    synchronized (resolved) {
      ProjectClasspath known = resolved.get(key);
      if (known != null) {
        progress.accept("classpath: reused the resolution of " + poms.size() + " pom.xml file(s)");
        return known;
      }
    }
    if (disk != null) {
      java.util.Optional<ProjectClasspath> kept = disk.get(key);
      if (kept.isPresent()) {
        progress.accept(
            "classpath: "
                + kept.get().describe()
                + ", as resolved before for these "
                + poms.size()
                + " pom.xml file(s) ("
                + settings.cacheDirectory()
                + ")");
        synchronized (resolved) {
          resolved.put(key, kept.get());
        }
        return kept.get();
      }
    }
    long started = System.nanoTime();
    ProjectClasspath classpath = resolve(texts, progress);
    if (disk != null) {
      disk.put(key, texts.values(), classpath);
    }
    progress.accept(
        String.format(
            java.util.Locale.ROOT,
            "classpath: %s, resolved in %.1f s",
            classpath.describe(),
            (System.nanoTime() - started) / 1e9));
    synchronized (resolved) {
      resolved.put(key, classpath);
    }
    return classpath;
  }

  private ProjectClasspath resolve(Map<String, String> texts, Consumer<String> progress) {
    progress.accept("classpath: resolving " + texts.size() + " Maven module(s)");
    List<Throwable> failures = new ArrayList<>();
    ExecutionContext ctx = new InMemoryExecutionContext(failures::add);
    MavenExecutionContextView maven = MavenExecutionContextView.view(ctx);
    MavenSettings fromDisk = MavenSettings.readMavenSettingsFromDisk(ctx);
    if (fromDisk != null) {
      maven.setMavenSettings(fromDisk);
    }
    Path localRepository = settings.localRepositoryOrDefault();
    maven.setLocalRepository(
        MavenRepository.builder()
            .id("local")
            .uri(localRepository.toUri().toString())
            .knownToExist(true)
            .build());
    if (settings.mirror() != null) {
      maven.setMirrors(
          List.of(
              new MavenRepositoryMirror(
                  "atomic-mirror", settings.mirror(), "*", true, true, null)));
    }
    List<Parser.Input> inputs = new ArrayList<>();
    texts.forEach((path, text) -> inputs.add(Parser.Input.fromString(Path.of(path), text)));
    List<SourceFile> parsed;
    try {
      parsed = MavenParser.builder().build().parseInputs(inputs, null, ctx).toList();
    } catch (RuntimeException e) {
      throw DteException.invalid(
          "pom.xml: cannot be read as a Maven project: " + firstLine(e.getMessage()));
    }

    List<String> errors = new ArrayList<>();
    Map<String, MavenResolutionResult> byPath = new LinkedHashMap<>();
    for (SourceFile pom : parsed) {
      String path = pom.getSourcePath().toString().replace('\\', '/');
      if (pom instanceof ParseError) {
        errors.add(
            path
                + ": does not parse: "
                + pom.getMarkers()
                    .findFirst(ParseExceptionResult.class)
                    .map(r -> firstLine(r.getMessage()))
                    .orElse("not a POM"));
        continue;
      }
      problems(pom).forEach(problem -> errors.add(path + ": " + problem));
      missingModules(pom, path, texts.keySet()).forEach(errors::add);
      pom.getMarkers()
          .findFirst(MavenResolutionResult.class)
          .ifPresentOrElse(
              result -> byPath.put(path, result),
              () ->
                  errors.add(
                      path
                          + " (module "
                          + declaredId(pom)
                          + "): cannot be resolved as a Maven project"));
    }
    if (!errors.isEmpty()) {
      // What the resolver reported (a dependency, parent or BOM it could not download, say).
      for (Throwable failure : failures) {
        String text =
            failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getMessage();
        for (String line : text.split("\\R")) {
          if (!line.isBlank() && !errors.contains(line.strip())) {
            errors.add(line.strip());
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }

    Map<String, String> dirById = new LinkedHashMap<>();
    byPath.forEach((path, result) -> dirById.put(id(result), directoryOf(path)));
    LocalMavenArtifactCache cache = new LocalMavenArtifactCache(localRepository);
    MavenSettings effective = maven.getSettings();
    List<ProjectClasspath.Module> modules = new ArrayList<>();
    for (Map.Entry<String, MavenResolutionResult> entry : byPath.entrySet()) {
      MavenResolutionResult result = entry.getValue();
      String id = id(result);
      progress.accept("classpath: " + id + " (" + entry.getKey() + ")");
      List<String> moduleErrors = new ArrayList<>();
      MavenArtifactDownloader downloader =
          new MavenArtifactDownloader(
              cache, effective, t -> moduleErrors.add(firstLine(t.getMessage())), ctx);
      Set<String> reactor = new TreeSet<>();
      List<Path> compile = jars(result, Scope.Compile, dirById, reactor, downloader, moduleErrors);
      List<Path> test = jars(result, Scope.Test, dirById, reactor, downloader, moduleErrors);
      for (String error : moduleErrors) {
        errors.add(entry.getKey() + " (module " + id + "): " + error);
      }
      modules.add(
          new ProjectClasspath.Module(
              id, directoryOf(entry.getKey()), compile, test, List.copyOf(reactor)));
    }
    if (!errors.isEmpty()) {
      throw refusal(errors);
    }
    return new ProjectClasspath(withTransitiveReactor(modules), List.of());
  }

  /** The jars of one scope; reactor modules are recorded in {@code reactor} instead. */
  private static List<Path> jars(
      MavenResolutionResult result,
      Scope scope,
      Map<String, String> reactorModules,
      Set<String> reactor,
      MavenArtifactDownloader downloader,
      List<String> errors) {
    Set<Path> jars = new LinkedHashSet<>();
    for (ResolvedDependency dependency : result.getDependencies().getOrDefault(scope, List.of())) {
      String ga = dependency.getGroupId() + ":" + dependency.getArtifactId();
      if (reactorModules.containsKey(ga)) {
        reactor.add(ga);
        continue;
      }
      String type = dependency.getType();
      if (type != null
          && !type.equals("jar")
          && !type.equals("test-jar")
          && !type.equals("bundle")) {
        continue;
      }
      Path jar = downloader.downloadArtifact(dependency);
      if (jar == null) {
        errors.add(
            "cannot resolve dependency "
                + dependency.getGav()
                + " (needed by "
                + id(result)
                + "); check its version and the repositories, or set ATOMIC_MAVEN_MIRROR to a repository that has it");
      } else {
        jars.add(jar);
      }
    }
    return List.copyOf(jars);
  }

  /** Closes each module's reactor dependencies over the reactor. */
  private static List<ProjectClasspath.Module> withTransitiveReactor(
      List<ProjectClasspath.Module> modules) {
    Map<String, ProjectClasspath.Module> byId = new LinkedHashMap<>();
    modules.forEach(m -> byId.put(m.id(), m));
    List<ProjectClasspath.Module> closed = new ArrayList<>();
    for (ProjectClasspath.Module module : modules) {
      Set<String> seen = new TreeSet<>();
      Deque<String> todo = new ArrayDeque<>(module.reactorDependencies());
      while (!todo.isEmpty()) {
        String next = todo.pop();
        if (!next.equals(module.id()) && seen.add(next) && byId.containsKey(next)) {
          todo.addAll(byId.get(next).reactorDependencies());
        }
      }
      closed.add(
          new ProjectClasspath.Module(
              module.id(), module.dir(), module.compile(), module.test(), List.copyOf(seen)));
    }
    return closed;
  }

  /**
   * What OpenRewrite marked on a POM while resolving it (missing parents, dependencies, BOMs), on
   * the document and every tag in it.
   */
  private static List<String> problems(SourceFile pom) {
    List<String> found = new ArrayList<>();
    new TreeVisitor<Tree, Integer>() {
      @Override
      public Tree preVisit(Tree tree, Integer unused) {
        tree.getMarkers()
            .findAll(Markup.class)
            .forEach(
                markup -> {
                  if (!(markup instanceof Markup.Info)) {
                    found.add(firstLine(markup.getMessage()) + detail(markup));
                  }
                });
        return tree;
      }
    }.visit(pom, 0);
    return found;
  }

  private static String detail(Markup markup) {
    String detail = markup.getDetail();
    return detail == null || detail.isBlank() ? "" : " (" + firstLine(detail) + ")";
  }

  private static DteException refusal(List<String> errors) {
    List<String> reasons = new ArrayList<>();
    reasons.add(
        "the Maven project cannot be resolved, so its sources cannot be typed; fix the POM, or"
            + " set ATOMIC_MAVEN_MIRROR / ATOMIC_MAVEN_LOCAL_REPOSITORY for an air-gapped build");
    reasons.addAll(errors);
    return new DteException(DteException.Kind.INVALID, reasons);
  }

  /** The modules a POM lists whose {@code pom.xml} is not in the tree. */
  private static List<String> missingModules(
      SourceFile pom, String path, java.util.Set<String> poms) {
    List<String> missing = new ArrayList<>();
    if (!(pom instanceof org.openrewrite.xml.tree.Xml.Document document)
        || document.getRoot() == null) {
      return missing;
    }
    String dir = directoryOf(path);
    document
        .getRoot()
        .getChild("modules")
        .ifPresent(
            modules -> {
              for (org.openrewrite.xml.tree.Xml.Tag module : modules.getChildren("module")) {
                String name = module.getValue().orElse("").strip();
                java.nio.file.Path location =
                    java.nio.file.Path.of(dir.isEmpty() ? "." : dir).resolve(name).normalize();
                String expected =
                    (name.endsWith(".xml") ? location : location.resolve("pom.xml"))
                        .toString()
                        .replace('\\', '/');
                if (!name.isEmpty() && !poms.contains(expected)) {
                  missing.add(
                      path
                          + ": declares module '"
                          + name
                          + "', but "
                          + expected
                          + " does not exist in the tree");
                }
              }
            });
    return missing;
  }

  /** {@code groupId:artifactId} as the POM writes them (the group may come from its parent). */
  private static String declaredId(SourceFile pom) {
    if (!(pom instanceof org.openrewrite.xml.tree.Xml.Document document)
        || document.getRoot() == null) {
      return "?";
    }
    org.openrewrite.xml.tree.Xml.Tag project = document.getRoot();
    String group =
        project
            .getChildValue("groupId")
            .orElseGet(
                () ->
                    project
                        .getChild("parent")
                        .flatMap(parent -> parent.getChildValue("groupId"))
                        .orElse("?"));
    return group + ":" + project.getChildValue("artifactId").orElse("?");
  }

  private static String id(MavenResolutionResult result) {
    return result.getPom().getGroupId() + ":" + result.getPom().getArtifactId();
  }

  private static String directoryOf(String pomPath) {
    int slash = pomPath.lastIndexOf('/');
    return slash < 0 ? "" : pomPath.substring(0, slash);
  }

  private String key(Map<String, String> texts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (settings.localRepositoryOrDefault() + "|" + settings.mirror())
              .getBytes(StandardCharsets.UTF_8));
      texts.forEach(
          (path, text) -> {
            digest.update((byte) 0);
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
          });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unknown reason";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
