package dev.atomic.dte.java;

import dev.atomic.dte.DteException;
import dev.atomic.dte.java.classpath.ProjectClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where a type named by a patch or recipe is declared: in the tree, on the classpath of one of its
 * modules (or the request's explicit classpath), or in the JDK. A type that is nowhere is an error
 * that names it and what to fix, never a patch that silently matches nothing.
 */
final class TypeLookup {

  private final ProjectClasspath classpath;
  private final Map<String, String> sources;
  private final Map<Path, Set<String>> jarEntries = new HashMap<>();
  private final Map<String, Boolean> resolved = new HashMap<>();
  private Map<String, Set<String>> declared;
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w$.\\s]+?)\\s*;");
  private static final Pattern DECLARATION =
      Pattern.compile("\\b(class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");

  TypeLookup(ProjectClasspath classpath, Map<String, String> sources) {
    this.classpath = classpath;
    this.sources = sources;
  }

  /** True when the tree declares {@code fqn} (or its outer type). */
  boolean inScope(String fqn) {
    return !sourcesOf(fqn).isEmpty();
  }

  /** The tree's files that declare {@code fqn} (or its outer type), by path. */
  Map<String, String> sourcesOf(String fqn) {
    Map<String, String> found = new java.util.TreeMap<>();
    List<String> parts = List.of(fqn.split("\\."));
    for (int end = parts.size(); end >= 2; end--) {
      for (String path :
          declared().getOrDefault(String.join(".", parts.subList(0, end)), Set.of())) {
        found.put(path, sources.get(path));
      }
      if (!found.isEmpty()) {
        return found;
      }
    }
    return found;
  }

  /**
   * The types the tree declares, read once from its text: each file's path as a name ({@code
   * a/b/C.java} → {@code a.b.C}) and its package with every type it declares.
   */
  private Map<String, Set<String>> declared() {
    if (declared == null) {
      Map<String, Set<String>> index = new java.util.HashMap<>();
      sources.forEach(
          (path, content) -> {
            String name =
                path.endsWith(".java")
                    ? path.substring(0, path.length() - 5).replace('/', '.')
                    : null;
            if (name != null) {
              // Every suffix of the path as a name: the source root is not known.
              for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
                index
                    .computeIfAbsent(name.substring(dot + 1), k -> new java.util.TreeSet<>())
                    .add(path);
              }
              index.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(path);
            }
            Matcher pkg = PACKAGE.matcher(content);
            String prefix = pkg.find() ? pkg.group(1).replaceAll("\\s+", "") + "." : "";
            Matcher type = DECLARATION.matcher(content);
            while (type.find()) {
              index
                  .computeIfAbsent(prefix + type.group(2), k -> new java.util.TreeSet<>())
                  .add(path);
            }
          });
      declared = index;
    }
    return declared;
  }

  /** True when {@code fqn} is declared in the tree, on the classpath or in the JDK. */
  boolean resolvable(String fqn) {
    return resolved.computeIfAbsent(fqn, name -> inScope(name) || onClasspath(name) || inJdk(name));
  }

  /** The error for a type that cannot be resolved, with what to do about it. */
  DteException unresolvedError(String fqn, String pointer) {
    String where =
        classpath.modules().isEmpty()
            ? (classpath.explicit().isEmpty()
                ? "there is no pom.xml and no classpath was given (--classpath, or \"classpath\" beside \"spec\")"
                : "it is not on the given classpath ("
                    + classpath.explicit().size()
                    + " entr"
                    + (classpath.explicit().size() == 1 ? "y" : "ies")
                    + ")")
            : "no module's dependencies provide it ("
                + classpath.modules().stream()
                    .map(ProjectClasspath.Module::id)
                    .collect(Collectors.joining(", "))
                + ")";
    return DteException.invalid(
        pointer
            + ": type "
            + fqn
            + " cannot be resolved: it is not declared in the tree, not in"
            + " the JDK, and "
            + where
            + "; check the name, add the dependency that declares it, or pass its jar with"
            + " --classpath");
  }

  private boolean onClasspath(String fqn) {
    for (Path entry : classpath.everyEntry()) {
      for (String candidate : binaryNames(fqn)) {
        String file = candidate.replace('.', '/') + ".class";
        if (Files.isDirectory(entry)) {
          if (Files.isRegularFile(entry.resolve(file))) {
            return true;
          }
        } else if (entries(entry).contains(file)) {
          return true;
        }
      }
    }
    return false;
  }

  private Set<String> entries(Path jar) {
    return jarEntries.computeIfAbsent(
        jar,
        path -> {
          try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.stream()
                .map(ZipEntry::getName)
                .filter(n -> n.endsWith(".class"))
                .collect(Collectors.toSet());
          } catch (IOException e) {
            return Set.of();
          }
        });
  }

  private static boolean inJdk(String fqn) {
    for (String candidate : binaryNames(fqn)) {
      try {
        Class.forName(candidate, false, ClassLoader.getPlatformClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // try the next reading of the name
      }
    }
    return false;
  }

  /**
   * {@code a.b.C.D} read as a top-level type and as nested types: {@code a.b.C$D}, {@code a.b$C$D}.
   */
  private static List<String> binaryNames(String fqn) {
    List<String> parts = List.of(fqn.split("\\."));
    List<String> names = new java.util.ArrayList<>();
    for (int packageParts = parts.size() - 1; packageParts >= 0; packageParts--) {
      String pkg = String.join(".", parts.subList(0, packageParts));
      String type = String.join("$", parts.subList(packageParts, parts.size()));
      names.add(pkg.isEmpty() ? type : pkg + "." + type);
    }
    return names;
  }
}
