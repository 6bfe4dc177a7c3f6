package dev.atomic.dte.verify;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs PIT on the classes a ChangeSpec changed: through {@code pitest-maven} for a Maven project,
 * through PIT's command line in a child JVM for a plain tree (so the deadline can stop the whole
 * analysis, minions included). Either way the figures come from PIT's {@code mutations.xml}.
 */
final class MutationTesting {

  private static final String MAIN = "org.pitest.mutationtest.commandline.MutationCoverageReport";

  private MutationTesting() {}

  /**
   * @param classes where a plain tree's main and test classes were compiled; unused for Maven
   */
  static MutationReport run(
      Path root,
      MutationTargets targets,
      Path classes,
      Duration timeout,
      int threads,
      ToolJars tools) {
    String tool = "pit " + ToolJars.pitVersion();
    try {
      Path reports = Files.createTempDirectory("atomic-pit");
      List<String> argv =
          ProjectTests.isMaven(root)
              ? maven(root, targets, reports, threads, tools)
              : plain(root, targets, classes, reports, threads, tools);
      ChildProcess process = ChildProcess.run(argv, root, timeout);
      if (process.timedOut()) {
        return MutationReport.without(
            "timeout",
            "PIT timed out after " + timeout.toSeconds() + " s (TEST_TIMEOUT_MS)",
            null,
            null,
            null,
            targets);
      }
      Path xml = reports.resolve("mutations.xml");
      if (process.exitCode() != 0 || !Files.isRegularFile(xml)) {
        return MutationReport.without(
            "error",
            "PIT exited " + process.exitCode() + ":\n" + process.tail(25),
            null,
            null,
            null,
            targets);
      }
      return PitReports.read(xml, tool, targets);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MutationReport.without("error", "interrupted", null, null, null, targets);
    } catch (IOException e) {
      return MutationReport.without(
          "error", "PIT could not run: " + e.getMessage(), null, null, null, targets);
    } catch (Exception e) {
      return MutationReport.without(
          "error", "PIT's report is unreadable: " + e.getMessage(), null, null, null, targets);
    }
  }

  private static List<String> maven(
      Path root, MutationTargets targets, Path reports, int threads, ToolJars tools) {
    // The JUnit 5 plugin goes in as an extra class path element, so a project that never
    // declared PIT needs no change to its pom.
    return List.of(
        ProjectTests.mavenExecutable(root),
        "-B",
        "-q",
        "test-compile",
        "org.pitest:pitest-maven:" + ToolJars.pitVersion() + ":mutationCoverage",
        "-DtargetClasses=" + targets.pitGlobs(),
        "-DreportsDirectory=" + reports,
        "-DoutputFormats=XML",
        "-DtimestampedReports=false",
        "-DfailWhenNoMutations=false",
        "-DmutationThreshold=0",
        "-DcoverageThreshold=0",
        "-Dthreads=" + threads,
        "-DadditionalClasspathElements=" + tools.jarOf(ToolJars.PIT_JUNIT5_PLUGIN));
  }

  private static List<String> plain(
      Path root, MutationTargets targets, Path classes, Path reports, int threads, ToolJars tools) {
    List<String> tests = new ArrayList<>();
    for (String name : MutationTargets.classesIn(root.resolve("src/test/java"))) {
      tests.add(name);
      tests.add(name + "$*");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-cp",
        classes + File.pathSeparator + tools.pit(),
        MAIN,
        "--reportDir",
        reports.toString(),
        "--targetClasses",
        targets.pitGlobs(),
        "--targetTests",
        String.join(",", tests),
        "--sourceDirs",
        root.resolve("src/main/java").toString(),
        "--outputFormats",
        "XML",
        "--timestampedReports=false",
        "--failWhenNoMutations=false",
        "--threads",
        Integer.toString(threads));
  }

  /** Threads for PIT's minions: the cores there are, at most four. */
  static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
