package dev.atomic.dte;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JUnit API jars as files, for compiling a plain tree's tests. From an exploded classpath
 * they are used where they are; from the packaged CLI (nested jars) they are copied out once.
 */
final class JUnitClasspath {

  private static final List<String> ANCHORS =
      List.of(
          "org.junit.jupiter.api.Test",
          "org.junit.jupiter.params.ParameterizedTest",
          "org.opentest4j.AssertionFailedError",
          "org.apiguardian.api.API",
          "org.junit.platform.commons.annotation.Testable");

  private static volatile String classpath;

  private JUnitClasspath() {}

  static synchronized String get() {
    if (classpath == null) {
      Set<String> entries = new LinkedHashSet<>();
      Path extracted = null;
      for (String anchor : ANCHORS) {
        try {
          Class<?> type = Class.forName(anchor, false, JUnitClasspath.class.getClassLoader());
          URL location = type.getProtectionDomain().getCodeSource().getLocation();
          if ("file".equals(location.getProtocol())) {
            entries.add(Path.of(location.toURI()).toString());
          } else {
            if (extracted == null) {
              extracted = Files.createTempDirectory("atomic-junit");
            }
            Path copy = extracted.resolve(anchor + ".jar");
            try (InputStream in = location.openStream()) {
              Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            entries.add(copy.toString());
          }
        } catch (ClassNotFoundException e) {
          // not bundled (e.g. params): tests that need it will say so when they compile
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      classpath = String.join(java.io.File.pathSeparator, new ArrayList<>(entries));
    }
    return classpath;
  }
}
