package dev.atomic.evidence.pack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code versions.json}: the Atomic version and commit, the Java runtime and the versions of the
 * libraries that do the work, as this process loaded them. Versions come from each library's {@code
 * pom.properties}, else its jar manifest, else its jar's file name; a library that is not on the
 * class path is left out rather than guessed.
 */
public final class PlatformVersions {

  /** Set by the image build (see the Dockerfile) when the commit is known. */
  public static final String GIT_COMMIT_ENV = "ATOMIC_GIT_COMMIT";

  private static final String VERSION_RESOURCE = "/dev/atomic/platform/atomic-version.properties";

  /** The libraries reported: name, Maven coordinates, a class that lives in the jar. */
  private record Library(String name, String group, String artifact, String probe) {}

  private static final List<Library> LIBRARIES =
      List.of(
          new Library(
              "temporal-sdk", "io.temporal", "temporal-sdk", "io.temporal.client.WorkflowClient"),
          new Library(
              "spring-boot",
              "org.springframework.boot",
              "spring-boot",
              "org.springframework.boot.SpringApplication"),
          new Library("openrewrite", "org.openrewrite", "rewrite-core", "org.openrewrite.Recipe"),
          new Library(
              "rewrite-java", "org.openrewrite", "rewrite-java", "org.openrewrite.java.JavaParser"),
          new Library("pitest", "org.pitest", "pitest", "org.pitest.mutationtest.MutationResult"),
          new Library("jgit", "org.eclipse.jgit", "org.eclipse.jgit", "org.eclipse.jgit.api.Git"),
          new Library(
              "jackson-databind",
              "com.fasterxml.jackson.core",
              "jackson-databind",
              "com.fasterxml.jackson.databind.ObjectMapper"),
          new Library(
              "java-json-canonicalization",
              "io.github.erdtman",
              "java-json-canonicalization",
              "org.erdtman.jcs.JsonCanonicalizer"),
          new Library("flyway", "org.flywaydb", "flyway-core", "org.flywaydb.core.Flyway"),
          new Library("h2", "com.h2database", "h2", "org.h2.Driver"),
          new Library("postgresql-jdbc", "org.postgresql", "postgresql", "org.postgresql.Driver"),
          new Library("picocli", "info.picocli", "picocli", "picocli.CommandLine"));

  private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[^/!]*?)\\.jar");

  private PlatformVersions() {}

  /** The Atomic version the build wrote, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String atomic() {
    try (InputStream in = PlatformVersions.class.getResourceAsStream(VERSION_RESOURCE)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank() && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      // fall through: reported as unknown
    }
    return "unknown";
  }

  /** The commit Atomic was built from, or null when the build did not record it. */
  public static String gitCommit() {
    String fromEnvironment = System.getenv(GIT_COMMIT_ENV);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.trim();
    }
    // git-commit-id-maven-plugin's file, should a build add it.
    try (InputStream in = PlatformVersions.class.getResourceAsStream("/git.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String id =
            properties.getProperty("git.commit.id.full", properties.getProperty("git.commit.id"));
        if (id != null && !id.isBlank()) {
          return id;
        }
      }
    } catch (IOException e) {
      // not recorded
    }
    return null;
  }

  /** The {@code versions.json} content. */
  public static Map<String, Object> describe() {
    Map<String, Object> versions = new LinkedHashMap<>();
    versions.put("atomic", atomic());
    String commit = gitCommit();
    versions.put("gitCommit", commit);
    if (commit == null) {
      versions.put(
          "gitCommitNote", "not recorded by this build (set " + GIT_COMMIT_ENV + " to record it)");
    }
    Map<String, Object> java = new LinkedHashMap<>();
    java.put("version", System.getProperty("java.version"));
    java.put("vendor", System.getProperty("java.vendor"));
    java.put("runtime", System.getProperty("java.runtime.version"));
    java.put("vm", System.getProperty("java.vm.name"));
    versions.put("java", java);
    versions.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    Map<String, Object> libraries = new LinkedHashMap<>();
    for (Library library : LIBRARIES) {
      String version = versionOf(library);
      if (version != null) {
        libraries.put(library.name(), version);
      }
    }
    versions.put("libraries", libraries);
    return versions;
  }

  public static byte[] json() {
    return MissionPack.json(describe());
  }

  private static String versionOf(Library library) {
    String resource =
        "/META-INF/maven/" + library.group() + "/" + library.artifact() + "/pom.properties";
    try (InputStream in = PlatformVersions.class.getResourceAsStream(resource)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException e) {
      // try the next source
    }
    Class<?> probe;
    try {
      probe = Class.forName(library.probe(), false, PlatformVersions.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    Package pkg = probe.getPackage();
    if (pkg != null && pkg.getImplementationVersion() != null) {
      return pkg.getImplementationVersion();
    }
    try {
      URL location = probe.getProtectionDomain().getCodeSource().getLocation();
      Matcher matcher = JAR_VERSION.matcher(location.toString());
      String version = null;
      while (matcher.find()) {
        version = matcher.group(1);
      }
      return version;
    } catch (SecurityException | NullPointerException e) {
      return null;
    }
  }
}
