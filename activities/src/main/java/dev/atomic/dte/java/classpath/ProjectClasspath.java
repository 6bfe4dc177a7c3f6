package dev.atomic.dte.java.classpath;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a tree's Java sources get their types from. A Maven tree has one {@link Module} per {@code
 * pom.xml}, each with its own resolved classpaths; a file belongs to the module whose directory is
 * the longest prefix of its path. {@code explicit} entries (the request's {@code classpath}) are
 * added to every module and are the whole classpath of files outside any module.
 *
 * @param modules the Maven modules of the tree, in reactor order; empty for other builds
 * @param explicit jars and class directories given with the request
 */
public record ProjectClasspath(List<Module> modules, List<Path> explicit) {

  /** No build information at all: sources are parsed against the JDK only. */
  public static final ProjectClasspath NONE = new ProjectClasspath(List.of(), List.of());

  /**
   * One Maven module.
   *
   * @param id {@code groupId:artifactId}
   * @param dir its directory relative to the tree, {@code ""} for the root
   * @param compile the resolved compile classpath (jars), without reactor modules
   * @param test the resolved test classpath (jars), which includes the compile classpath
   * @param reactorDependencies ids of the reactor modules it depends on, transitively
   */
  public record Module(
      String id,
      String dir,
      List<Path> compile,
      List<Path> test,
      List<String> reactorDependencies) {

    /** True when {@code path} (relative to the tree) is under this module's directory. */
    boolean contains(String path) {
      return dir.isEmpty() || path.startsWith(dir + "/");
    }

    /** True when {@code path} is a main (not test) source of this module. */
    public boolean isMainSource(String path) {
      String local = dir.isEmpty() ? path : path.substring(dir.length() + 1);
      return local.startsWith("src/main/java/");
    }
  }

  public ProjectClasspath {
    modules = List.copyOf(modules);
    explicit = List.copyOf(explicit);
  }

  /** The same project with {@code entries} added to every module's classpath. */
  public ProjectClasspath withExplicit(List<Path> entries) {
    List<Path> all = new ArrayList<>(explicit);
    all.addAll(entries);
    return new ProjectClasspath(modules, all);
  }

  /** The module a source file belongs to, or null for a file outside every module. */
  public Module moduleOf(String path) {
    Module best = null;
    for (Module module : modules) {
      if (module.contains(path) && (best == null || module.dir().length() > best.dir().length())) {
        best = module;
      }
    }
    return best;
  }

  /** What a file of {@code module} (null: outside every module) is parsed against. */
  public List<Path> classpathOf(Module module) {
    Set<Path> entries = new LinkedHashSet<>();
    if (module != null) {
      entries.addAll(module.test());
    }
    entries.addAll(explicit);
    return List.copyOf(entries);
  }

  /** The module with this id, or null. */
  public Module module(String id) {
    return modules.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
  }

  /** Every jar and directory of every module, for type lookups that are not per file. */
  public List<Path> everyEntry() {
    Set<Path> entries = new LinkedHashSet<>();
    modules.forEach(m -> entries.addAll(m.test()));
    entries.addAll(explicit);
    return List.copyOf(entries);
  }

  /** One line for progress output, e.g. {@code 2 Maven module(s), 14 jar(s)}. */
  public String describe() {
    if (modules.isEmpty() && explicit.isEmpty()) {
      return "no build file and no --classpath: types outside the tree and the JDK are unknown";
    }
    StringBuilder text = new StringBuilder();
    if (!modules.isEmpty()) {
      text.append(modules.size()).append(" Maven module(s), ");
    }
    text.append(everyEntry().size())
        .append(" classpath entr")
        .append(everyEntry().size() == 1 ? "y" : "ies");
    return text.toString();
  }
}
