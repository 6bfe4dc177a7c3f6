package dev.atomic.dte.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Runs a project's own tests: a Maven project through its test phase (an argument vector, no shell,
 * under {@code TEST_TIMEOUT_MS}), reading the Surefire reports; a plain tree ({@code
 * src/main/java}, {@code src/test/java}, JUnit 5) compiled and run in-process.
 */
public final class ProjectTests {

  private static final int MAX_FAILURES = 50;

  private ProjectTests() {}

  public static TestReport run(Path root, Duration timeout, ToolJars tools) {
    try {
      return run(root, timeout, Files.createTempDirectory("atomic-tests"), tools);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As {@link #run(Path, Duration, ToolJars)}; a plain tree's main and test classes are compiled
   * into {@code classes}, where mutation analysis finds them afterwards.
   */
  static TestReport run(Path root, Duration timeout, Path classes, ToolJars tools) {
    if (isMaven(root)) {
      return maven(root, timeout);
    }
    if (Files.isDirectory(root.resolve("src/test/java"))) {
      return plain(root, timeout, classes, tools);
    }
    return new TestReport(
        "none", "none", 0, 0, 0, List.of(), "no pom.xml and no src/test/java: no tests to run");
  }

  static boolean isMaven(Path root) {
    return Files.isRegularFile(root.resolve("pom.xml"));
  }

  /** The project's Maven: its wrapper when it has one, else {@code mvn} from the PATH. */
  static String mavenExecutable(Path root) {
    Path wrapper = root.resolve("mvnw");
    return Files.isExecutable(wrapper) ? wrapper.toString() : "mvn";
  }

  private static TestReport maven(Path root, Duration timeout) {
    List<String> argv = new ArrayList<>();
    argv.add(mavenExecutable(root));
    argv.addAll(List.of("-B", "-q", "test", "-Dsurefire.failIfNoSpecifiedTests=false"));
    try {
      // Reports of an earlier run would count tests that no longer exist.
      clearReports(root.resolve("target/surefire-reports"));
      ChildProcess process = ChildProcess.run(argv, root, timeout);
      if (process.timedOut()) {
        return new TestReport(
            "maven",
            "timeout",
            0,
            0,
            0,
            List.of(),
            "timed out after " + timeout.toSeconds() + " s (TEST_TIMEOUT_MS)");
      }
      TestReport report = surefire(root.resolve("target/surefire-reports"));
      if (report.run() == 0 && process.exitCode() != 0) {
        return new TestReport(
            "maven",
            "error",
            0,
            0,
            0,
            List.of(),
            "mvn test exited " + process.exitCode() + ":\n" + process.tail(20));
      }
      return report;
    } catch (IOException e) {
      return new TestReport(
          "maven",
          "error",
          0,
          0,
          0,
          List.of(),
          "cannot run " + argv.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new TestReport("maven", "error", 0, 0, 0, List.of(), "interrupted");
    }
  }

  private static void clearReports(Path reports) throws IOException {
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path file :
            files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** Counts and failures from Surefire's XML reports. */
  static TestReport surefire(Path reports) {
    int run = 0;
    int failed = 0;
    int skipped = 0;
    List<TestReport.Failure> failures = new ArrayList<>();
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path file :
            files
                .filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml"))
                .sorted()
                .toList()) {
          var factory = DocumentBuilderFactory.newInstance();
          factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
          Document document = factory.newDocumentBuilder().parse(file.toFile());
          NodeList cases = document.getElementsByTagName("testcase");
          for (int i = 0; i < cases.getLength(); i++) {
            Element testCase = (Element) cases.item(i);
            run++;
            if (testCase.getElementsByTagName("skipped").getLength() > 0) {
              skipped++;
              continue;
            }
            Element problem = first(testCase, "failure", "error");
            if (problem != null) {
              failed++;
              if (failures.size() < MAX_FAILURES) {
                String className = testCase.getAttribute("classname");
                failures.add(
                    new TestReport.Failure(
                        className + "#" + testCase.getAttribute("name"),
                        problem.getAttribute("message"),
                        location(problem.getTextContent(), className)));
              }
            }
          }
        }
      } catch (Exception e) {
        return new TestReport(
            "maven",
            "error",
            run,
            failed,
            skipped,
            failures,
            "unreadable Surefire report: " + e.getMessage());
      }
    }
    String status = run == 0 ? "none" : failed > 0 ? "failed" : "passed";
    return new TestReport("maven", status, run, failed, skipped, failures, null);
  }

  private static TestReport plain(Path root, Duration timeout, Path out, ToolJars tools) {
    List<String> errors = new ArrayList<>();
    try {
      List<Path> sources = new ArrayList<>();
      for (String dir : List.of("src/main/java", "src/test/java")) {
        if (Files.isDirectory(root.resolve(dir))) {
          try (Stream<Path> walk = Files.walk(root.resolve(dir))) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
          }
        }
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files =
          compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
        compiler
            .getTask(
                null,
                files,
                diagnostics,
                List.of(
                    "-d", out.toString(), "-proc:none", "-cp", tools.classpath(ToolJars.JUNIT_API)),
                null,
                files.getJavaFileObjectsFromPaths(sources))
            .call();
      }
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < MAX_FAILURES) {
          errors.add(
              (d.getSource() == null ? "?" : d.getSource().getName())
                  + ":"
                  + d.getLineNumber()
                  + ": "
                  + d.getMessage(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!errors.isEmpty()) {
      return new TestReport(
          "junit-platform",
          "error",
          0,
          0,
          0,
          List.of(),
          "the tests do not compile:\n" + String.join("\n", errors));
    }
    ExecutorService runner =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "atomic-tests");
              thread.setDaemon(true);
              return thread;
            });
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {out.toUri().toURL()}, ProjectTests.class.getClassLoader())) {
      Future<TestExecutionSummary> summary =
          runner.submit(
              () -> {
                Thread.currentThread().setContextClassLoader(loader);
                Launcher launcher = LauncherFactory.create();
                SummaryGeneratingListener listener = new SummaryGeneratingListener();
                launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                        .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(out)))
                        .build(),
                    listener);
                return listener.getSummary();
              });
      TestExecutionSummary result = summary.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<TestReport.Failure> failures = new ArrayList<>();
      result.getFailures().stream()
          .limit(MAX_FAILURES)
          .forEach(
              f -> {
                String test = f.getTestIdentifier().getLegacyReportingName();
                String className =
                    f.getTestIdentifier()
                        .getSource()
                        .filter(
                            s ->
                                s
                                    instanceof
                                    org.junit.platform.engine.support.descriptor.MethodSource)
                        .map(
                            s ->
                                ((org.junit.platform.engine.support.descriptor.MethodSource) s)
                                        .getClassName()
                                    + "#"
                                    + ((org.junit.platform.engine.support.descriptor.MethodSource)
                                            s)
                                        .getMethodName())
                        .orElse(test);
                String owner =
                    className.contains("#")
                        ? className.substring(0, className.indexOf('#'))
                        : className;
                failures.add(
                    new TestReport.Failure(
                        className,
                        String.valueOf(f.getException().getMessage()),
                        location(f.getException(), owner)));
              });
      int run = (int) result.getTestsStartedCount();
      int failed = (int) result.getTotalFailureCount();
      String status = run == 0 ? "none" : failed > 0 ? "failed" : "passed";
      return new TestReport(
          "junit-platform",
          status,
          run,
          failed,
          (int) result.getTestsSkippedCount(),
          failures,
          null);
    } catch (TimeoutException e) {
      return new TestReport(
          "junit-platform",
          "timeout",
          0,
          0,
          0,
          List.of(),
          "timed out after " + timeout.toSeconds() + " s (TEST_TIMEOUT_MS)");
    } catch (Exception e) {
      return new TestReport(
          "junit-platform",
          "error",
          0,
          0,
          0,
          List.of(),
          "the tests could not run: " + e.getMessage());
    } finally {
      runner.shutdownNow();
    }
  }

  private static Element first(Element parent, String... names) {
    for (String name : names) {
      NodeList nodes = parent.getElementsByTagName(name);
      if (nodes.getLength() > 0) {
        return (Element) nodes.item(0);
      }
    }
    return null;
  }

  /** {@code File.java:42} of the first stack frame in the test class, from a report's trace. */
  private static String location(String trace, String className) {
    for (String line : trace.split("\n")) {
      String frame = line.strip();
      if (frame.startsWith("at " + className + ".") && frame.contains("(") && frame.endsWith(")")) {
        return frame.substring(frame.lastIndexOf('(') + 1, frame.length() - 1);
      }
    }
    return null;
  }

  private static String location(Throwable failure, String className) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().equals(className)) {
        return frame.getFileName() + ":" + frame.getLineNumber();
      }
    }
    return null;
  }
}
