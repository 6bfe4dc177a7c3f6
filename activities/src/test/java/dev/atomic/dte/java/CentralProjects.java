package dev.atomic.dte.java;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Real projects for tests: sources jars from Maven Central (test dependencies of this module),
 * checked out as Maven projects in a test's temp directory, and compiled with javac.
 */
final class CentralProjects {

  private CentralProjects() {}

  /**
   * gRPC's API module: 132 files that call Guava's {@code Preconditions.checkNotNull} with one,
   * two, three and five arguments, and a class ({@code io.grpc.Context}) that declares and calls a
   * {@code checkNotNull} of its own. The POM declares what its published POM declares, with Guava
   * at compile scope (Gradle publishes it as runtime).
   */
  static Path grpcApi(Path dir) throws IOException {
    unpackSources(sourcesJar("grpc-api-"), dir.resolve("src/main/java"));
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.grpc</groupId>
          <artifactId>grpc-api</artifactId>
          <version>1.76.0</version>
          <dependencies>
        %s  </dependencies>
        </project>
        """
            .formatted(libraries(true)));
    return dir;
  }

  /** Guava and the annotation jars both gRPC modules declare, with versions or managed. */
  private static String libraries(boolean versioned) {
    return dependency("com.google.guava", "guava", versioned ? "33.4.8-android" : null)
        + dependency("com.google.code.findbugs", "jsr305", versioned ? "3.0.2" : null)
        + dependency(
            "com.google.errorprone", "error_prone_annotations", versioned ? "2.36.0" : null);
  }

  /** A {@code <dependency>} element; a null version leaves it to dependency management. */
  static String dependency(String group, String artifact, String version) {
    return "    <dependency><groupId>"
        + group
        + "</groupId><artifactId>"
        + artifact
        + "</artifactId>"
        + (version == null ? "" : "<version>" + version + "</version>")
        + "</dependency>\n";
  }

  /**
   * gRPC's API and core modules as a two-module reactor under a parent POM: {@code core} depends on
   * {@code api} and on Guava, Gson, PerfMark and annotation jars, as its published POM says. Its
   * {@code StatsTraceContext} calls {@code checkNotNull(ref, "%s …", arg)}.
   */
  static Path grpcReactor(Path dir) throws IOException {
    unpackSources(sourcesJar("grpc-api-"), dir.resolve("api/src/main/java"));
    unpackSources(sourcesJar("grpc-core-"), dir.resolve("core/src/main/java"));
    Files.writeString(
        dir.resolve("pom.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>io.grpc</groupId>
          <artifactId>grpc-parent</artifactId>
          <version>1.76.0</version>
          <packaging>pom</packaging>
          <modules>
            <module>api</module>
            <module>core</module>
          </modules>
          <dependencyManagement>
            <dependencies>
        %s    </dependencies>
          </dependencyManagement>
        </project>
        """
            .formatted(libraries(true)));
    String module =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>io.grpc</groupId>
            <artifactId>grpc-parent</artifactId>
            <version>1.76.0</version>
          </parent>
          <artifactId>%s</artifactId>
          <dependencies>
        %s  </dependencies>
        </project>
        """;
    String common = libraries(false);
    Files.writeString(dir.resolve("api/pom.xml"), module.formatted("grpc-api", common));
    Files.writeString(
        dir.resolve("core/pom.xml"),
        module.formatted(
            "grpc-core",
            common
                + dependency("io.grpc", "grpc-api", "${project.version}")
                + dependency("com.google.code.gson", "gson", "2.11.0")
                + dependency("com.google.android", "annotations", "4.1.1.4")
                + dependency("org.codehaus.mojo", "animal-sniffer-annotations", "1.24")
                + dependency("io.perfmark", "perfmark-api", "0.27.0")));
    return dir;
  }

  /** The sources jar on the test classpath whose file name starts with {@code prefix}. */
  static Path sourcesJar(String prefix) {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String name = path.getFileName().toString();
      if (name.startsWith(prefix) && name.endsWith("-sources.jar")) {
        return path;
      }
    }
    throw new IllegalStateException("no " + prefix + "*-sources.jar on the test classpath");
  }

  /**
   * The {@code .java} entries of a sources jar under {@code target}, refusing names that leave it.
   */
  static void unpackSources(Path jar, Path target) throws IOException {
    Files.createDirectories(target);
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
        if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
          continue;
        }
        Path file = target.resolve(entry.getName()).normalize();
        if (!file.startsWith(target)) {
          throw new IOException("entry outside the target: " + entry.getName());
        }
        Files.createDirectories(file.getParent());
        Files.copy(zip, file);
      }
    }
  }
}
