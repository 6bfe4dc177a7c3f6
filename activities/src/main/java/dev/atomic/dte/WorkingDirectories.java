package dev.atomic.dte;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The directories DTE jobs may change; anything else is refused before it is read. */
public final class WorkingDirectories {

  private final List<Path> roots = new ArrayList<>();

  public WorkingDirectories(List<String> allowedRoots) {
    for (String root : allowedRoots) {
      if (root == null || root.isBlank()) {
        continue;
      }
      try {
        roots.add(Path.of(root).toRealPath());
      } catch (IOException e) {
        // A configured root that does not exist allows nothing.
      }
    }
  }

  /**
   * The real path of {@code workingDir} (relative paths resolve against the first root).
   *
   * @throws DteException INVALID when it does not exist or lies outside every allowed root
   */
  public Path require(String workingDir) {
    if (roots.isEmpty()) {
      throw DteException.invalid(
          "workingDir: no allowed roots are configured (ATOMIC_DTE_ALLOWED_ROOTS)");
    }
    Path requested =
        workingDir == null || workingDir.isBlank()
            ? roots.get(0)
            : roots.get(0).resolve(workingDir);
    Path real;
    try {
      real = requested.toRealPath();
    } catch (IOException e) {
      throw DteException.invalid("workingDir: no such directory: " + workingDir);
    }
    if (!Files.isDirectory(real)) {
      throw DteException.invalid("workingDir: not a directory: " + workingDir);
    }
    for (Path root : roots) {
      if (real.startsWith(root)) {
        return real;
      }
    }
    throw DteException.invalid(
        "workingDir: outside the allowed roots " + roots + ": " + workingDir);
  }

  /** True when {@code path} (symbolic links followed) lies under an allowed root. */
  public boolean allows(Path path) {
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      real = path.toAbsolutePath().normalize();
    }
    for (Path root : roots) {
      if (real.startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  public String firstRoot() {
    return roots.isEmpty() ? "" : roots.get(0).toString();
  }
}
