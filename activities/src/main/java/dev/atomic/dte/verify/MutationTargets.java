package dev.atomic.dte.verify;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.Scope;
import dev.atomic.dte.git.GitBatches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production classes a ChangeSpec changed, which is where mutation analysis runs: the files of
 * the spec's git batches when the tree has them, else the Java files of the spec's scope. Test
 * sources are never targets.
 *
 * @param classes fully qualified names, sorted
 * @param basis how the files were found: {@code git batches of <spec>} or {@code scope}
 */
public record MutationTargets(List<String> classes, String basis) {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  public static MutationTargets of(ChangeSpec spec, Path root) {
    if (GitBatches.isWorkingTree(root)) {
      List<String> files = new ArrayList<>();
      GitBatches.status(root, GitBatches.batchBranch(root, spec.id()))
          .forEach(batch -> files.addAll(batch.files()));
      if (!files.isEmpty()) {
        return new MutationTargets(classesOf(root, files, spec), "git batches of " + spec.id());
      }
    }
    return new MutationTargets(classesOf(root, Scope.resolve(root, spec.scope()), spec), "scope");
  }

  private static List<String> classesOf(Path root, List<String> files, ChangeSpec spec) {
    TreeSet<String> classes = new TreeSet<>();
    for (String file : files) {
      Path source = root.resolve(file);
      if (!file.endsWith(".java") || isTest(file, spec) || !Files.isRegularFile(source)) {
        continue;
      }
      String name = source.getFileName().toString();
      String simple = name.substring(0, name.length() - ".java".length());
      if (simple.equals("package-info") || simple.equals("module-info")) {
        continue;
      }
      String pkg = packageOf(source);
      classes.add(pkg.isEmpty() ? simple : pkg + "." + simple);
    }
    return List.copyOf(classes);
  }

  private static boolean isTest(String file, ChangeSpec spec) {
    String path = file.replace('\\', '/');
    if (path.startsWith("src/test/") || path.contains("/src/test/")) {
      return true;
    }
    if (spec.tests() != null && spec.tests().targets() != null) {
      for (String target : spec.tests().targets()) {
        String prefix = target.endsWith("/") ? target : target + "/";
        if (path.startsWith(prefix) || Scope.matches(target, path)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String packageOf(Path source) {
    try {
      Matcher matcher = PACKAGE.matcher(Files.readString(source, StandardCharsets.UTF_8));
      return matcher.find() ? matcher.group(1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every top-level class of the Java files under a source directory, sorted. */
  static List<String> classesIn(Path sourceDir) {
    if (!Files.isDirectory(sourceDir)) {
      return List.of();
    }
    TreeSet<String> classes = new TreeSet<>();
    try (var walk = Files.walk(sourceDir)) {
      for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        String name = source.getFileName().toString();
        String pkg = packageOf(source);
        String simple = name.substring(0, name.length() - ".java".length());
        classes.add(pkg.isEmpty() ? simple : pkg + "." + simple);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(classes);
  }

  /** PIT's {@code targetClasses}: each class and its nested classes. */
  String pitGlobs() {
    List<String> globs = new ArrayList<>();
    for (String name : classes) {
      globs.add(name);
      globs.add(name + "$*");
    }
    return String.join(",", globs);
  }
}
