package dev.atomic.dte.verify;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jars Atomic ships for the tools it runs on a project: the JUnit API for compiling a plain tree's
 * tests, and PIT with the JUnit Platform for mutation analysis in a child JVM. Each jar is found
 * through a class it holds. From an exploded classpath the jars are used where they are; from the
 * packaged CLI (nested jars) they are copied out once per instance, into a temporary directory of
 * their own; a worker keeps one instance for all its verifications.
 */
public final class ToolJars {

  /** What a plain tree's tests compile against. */
  static final List<String> JUNIT_API =
      List.of(
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.params.ParameterizedTest",
          "org.opentest4j.AssertionFailedError",
          "org.apiguardian.api.API",
          "org.junit.platform.commons.annotation.Testable");

  /** What PIT's command line needs to mutate and run JUnit 5 tests. */
  static final List<String> PIT =
      List.of(
          "org.pitest.mutationtest.commandline.MutationCoverageReport",
          "org.pitest.mutationtest.tooling.EntryPoint",
          "org.pitest.coverage.execute.CoverageMinion",
          "org.pitest.mutationtest.report.html.ResultComparator",
          "org.pitest.junit5.JUnit5TestPluginFactory",
          "joptsimple.OptionParser",
          "org.apache.commons.text.StringEscapeUtils",
          "org.apache.commons.lang3.StringUtils",
          "org.junit.platform.launcher.core.LauncherFactory",
          "org.junit.platform.engine.TestEngine",
          "org.junit.jupiter.engine.JupiterTestEngine");

  /**
   * The JUnit 5 plugin alone, which pitest-maven needs beside a project that does not declare it.
   */
  static final String PIT_JUNIT5_PLUGIN = "org.pitest.junit5.JUnit5TestPluginFactory";

  private final Map<String, Path> jars = new ConcurrentHashMap<>();
  private Path extracted;

  public ToolJars() {}

  /** A class path of the jars holding these classes; classes not bundled are left out. */
  String classpath(List<String> anchors) {
    Set<String> entries = new LinkedHashSet<>();
    for (String anchor : anchors) {
      Path jar = jarOf(anchor);
      if (jar != null) {
        entries.add(jar.toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** The class path for PIT's child JVM: the tool jars plus the JUnit API. */
  String pit() {
    List<String> all = new java.util.ArrayList<>(PIT);
    all.addAll(JUNIT_API);
    return classpath(all);
  }

  /** The PIT version bundled, for {@code pitest-maven}'s coordinates. */
  static String pitVersion() {
    try (InputStream in =
        ToolJars.class.getResourceAsStream("/META-INF/maven/org.pitest/pitest/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("PIT is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar (as a file) that holds a class, or null when the class is not bundled. */
  Path jarOf(String anchor) {
    Path known = jars.get(anchor);
    if (known != null) {
      return known;
    }
    try {
      Class<?> type = Class.forName(anchor, false, ToolJars.class.getClassLoader());
      URL location = type.getProtectionDomain().getCodeSource().getLocation();
      Path jar;
      if ("file".equals(location.getProtocol())) {
        jar = Path.of(location.toURI());
      } else {
        jar = extractedDir().resolve(anchor + ".jar");
        synchronized (this) {
          if (!Files.exists(jar)) {
            Path partial = Files.createTempFile(extractedDir(), anchor, ".part");
            try (InputStream in = location.openStream()) {
              Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
          }
        }
      }
      jars.put(anchor, jar);
      return jar;
    } catch (ClassNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized Path extractedDir() throws IOException {
    if (extracted == null) {
      extracted = Files.createTempDirectory("atomic-tools");
      extracted.toFile().deleteOnExit();
    }
    return extracted;
  }
}
