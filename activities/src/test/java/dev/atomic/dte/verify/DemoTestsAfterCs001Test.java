package dev.atomic.dte.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.DteEngine;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** After CS-001 the demo repository still compiles and its own JUnit tests still pass. */
class DemoTestsAfterCs001Test {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  @Test
  void theDemoTestsPassBeforeAndAfterTheChange(@TempDir Path dir) throws Exception {
    Path repo = DemoRepo.copyTo(dir.resolve("repo"));

    TestExecutionSummary before = compileAndRun(repo, dir.resolve("before"));
    ENGINE.apply(DemoRepo.cs001(), repo);
    TestExecutionSummary after = compileAndRun(repo, dir.resolve("after"));

    assertThat(before.getTestsSucceededCount()).isEqualTo(6);
    assertThat(after.getTestsFoundCount()).isEqualTo(6);
    assertThat(after.getTotalFailureCount()).as(after.getFailures().toString()).isZero();
    assertThat(after.getTestsSucceededCount()).isEqualTo(6);
  }

  private static TestExecutionSummary compileAndRun(Path repo, Path out) throws Exception {
    Files.createDirectories(out);
    List<Path> sources = new ArrayList<>();
    for (String root : List.of("src/main/java", "src/test/java")) {
      try (Stream<Path> walk = Files.walk(repo.resolve(root))) {
        walk.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
      }
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      boolean compiled =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path")),
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClasspathRoots(Set.of(out)))
              .build();
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      launcher.execute(request, listener);
      return listener.getSummary();
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
