package dev.atomic.dte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a ChangeSpec's scope (files, directories and globs such as {@code src/**}{@code
 * /*.java}) to the regular files it names, inside the working directory only: absolute paths,
 * {@code ..} and symbolic links that lead outside are refused. The result is sorted, so the same
 * spec and tree always give the same files in the same order.
 */
public final class Scope {

  private static final Set<String> SKIPPED_DIRECTORIES =
      Set.of(".git", "target", "build", "node_modules", ".atomic");

  private Scope() {}

  /** Paths relative to {@code root}, with {@code /} separators, sorted. */
  public static List<String> resolve(Path root, List<String> patterns) {
    Path base = realRoot(root);
    List<String> problems = new ArrayList<>();
    Set<String> files = new TreeSet<>();
    for (int i = 0; i < patterns.size(); i++) {
      String pattern = patterns.get(i).strip();
      String problem = unsafe(pattern);
      if (problem != null) {
        problems.add("/scope/" + i + ": " + problem + ": '" + pattern + "'");
        continue;
      }
      if (isGlob(pattern)) {
        files.addAll(glob(base, pattern));
      } else {
        Path target = base.resolve(pattern).normalize();
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
          problems.add("/scope/" + i + ": no such file or directory: '" + pattern + "'");
        } else if (!inside(base, target)) {
          problems.add("/scope/" + i + ": leads outside the working directory: '" + pattern + "'");
        } else if (Files.isDirectory(target)) {
          files.addAll(glob(base, relative(base, target) + "/**"));
        } else {
          files.add(relative(base, target));
        }
      }
    }
    if (problems.isEmpty() && files.isEmpty()) {
      problems.add("/scope: matches no files in " + base);
    }
    if (!problems.isEmpty()) {
      throw new DteException(DteException.Kind.INVALID, problems);
    }
    return new ArrayList<>(files);
  }

  /** True when {@code path} (relative, with {@code /}) matches the glob. */
  public static boolean matches(String glob, String path) {
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    return matcher.matches(Path.of(path))
        || (glob.startsWith("**/") && matches(glob.substring(3), path));
  }

  private static String unsafe(String pattern) {
    if (pattern.isEmpty()) {
      return "empty entry";
    }
    if (pattern.startsWith("/") || pattern.startsWith("\\") || pattern.matches("^[A-Za-z]:.*")) {
      return "absolute paths are not allowed";
    }
    for (String part : pattern.split("[/\\\\]")) {
      if (part.equals("..")) {
        return "'..' is not allowed";
      }
    }
    if (pattern.indexOf('\0') >= 0) {
      return "contains a NUL character";
    }
    return null;
  }

  private static boolean isGlob(String pattern) {
    return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static List<String> glob(Path base, String pattern) {
    List<String> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          base,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(base) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              // walkFileTree does not follow links: a link is never read through.
              if (attrs.isRegularFile()) {
                String relative = relative(base, file);
                if (matches(pattern, relative)) {
                  found.add(relative);
                }
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static boolean inside(Path base, Path target) {
    try {
      return target.toRealPath().startsWith(base);
    } catch (IOException e) {
      return false;
    }
  }

  private static Path realRoot(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      throw DteException.invalid("working directory does not exist: " + root);
    }
  }

  static String relative(Path base, Path file) {
    return base.relativize(file).toString().replace('\\', '/');
  }
}
