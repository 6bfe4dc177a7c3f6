package dev.atomic.cli.dte;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.ExplicitClasspath;
import dev.atomic.dte.FileDiff;
import dev.atomic.dte.git.GitBatches;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = "Apply a ChangeSpec to a tree; --dry-run shows the diffs and changes nothing.")
class ApplyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SpecOptions target;

  @Option(names = "--dry-run", description = "Show what would change; write nothing.")
  boolean dryRun;

  @Option(
      names = "--output",
      defaultValue = "text",
      description = "text or json (default ${DEFAULT-VALUE}).")
  String output;

  @Option(
      names = "--batch-size",
      defaultValue = "50",
      description = {
        "Target files per batch (default ${DEFAULT-VALUE}); in a git working tree each batch is one",
        "commit on branch atomic/<spec id>. Files that depend on each other stay in one batch, and",
        "the tree after every batch is compiled."
      })
  int batchSize;

  @Option(
      names = "--classpath",
      paramLabel = "<entries>",
      description = {
        "Jars and class directories the Java sources are typed against, separated by ':' (';' on",
        "Windows) or ','; relative to --working-dir.",
        "dir/* is every jar in dir. Added to each Maven module's resolved classpath; the whole",
        "classpath of a tree without pom.xml (Gradle, Bazel, plain trees)."
      })
  String classpath;

  @Option(
      names = "--ci",
      description =
          "Exit 1 when the spec changes no file (a migration that silently does nothing fails the build).")
  boolean ci;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ChangeSpec changeSpec = SpecFiles.read(target.specFile);
    if (!Files.isDirectory(target.workingDir)) {
      throw new CliException(
          ExitCodes.USAGE, "--working-dir is not a directory: " + target.workingDir);
    }
    err.println(
        (dryRun ? "Previewing " : "Applying ")
            + changeSpec.id()
            + " on "
            + target.workingDir.toAbsolutePath().normalize()
            + "…");
    err.flush();
    DtePreview result;
    try {
      java.util.function.Consumer<String> progress =
          message -> {
            err.println("  " + message);
            err.flush();
          };
      long started = System.nanoTime();
      DteEngine engine = DteEngine.fromEnvironment();
      java.util.List<Path> entries = ExplicitClasspath.parse(classpath);
      if (dryRun) {
        result =
            GitBatches.plan(engine, changeSpec, target.workingDir, entries, batchSize, progress);
      } else if (GitBatches.isWorkingTree(target.workingDir)) {
        result =
            GitBatches.apply(engine, changeSpec, target.workingDir, entries, batchSize, progress);
      } else {
        result = engine.apply(changeSpec, target.workingDir, entries, progress);
      }
      err.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
      err.flush();
    } catch (DteException e) {
      throw DteErrors.of(e);
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitCodes.USAGE, e.getMessage());
    }
    if ("json".equals(output)) {
      out.println(Json.pretty(result));
    } else {
      if (dryRun) {
        result.diffs().forEach(d -> out.print(d.diff()));
      }
      for (FileDiff diff : result.diffs()) {
        out.printf(
            "%s %s%s (+%d -%d)%n",
            dryRun ? "would change" : "changed",
            diff.path(),
            diff.newPath() == null ? "" : " -> " + diff.newPath(),
            diff.insertions(),
            diff.deletions());
      }
      result.warnings().forEach(w -> out.println("warning: " + w));
      out.printf(
          "%d file(s), +%d -%d%s%n",
          result.summary().files(),
          result.summary().insertions(),
          result.summary().deletions(),
          dryRun ? " (dry run: nothing was written)" : "");
      if (result.batches() != null) {
        DtePreview.Batches batches = result.batches();
        out.printf(
            "committed %d batch(es) on %s (from %s, which is unchanged):%n",
            batches.commits().size(), batches.branch(), batches.base());
        batches
            .commits()
            .forEach(
                b -> {
                  out.printf(
                      "  %s %s %s%s%n",
                      b.id(),
                      b.commit().substring(0, 12),
                      b.files(),
                      b.dependsOn().isEmpty()
                          ? ""
                          : " (depends on " + String.join(", ", b.dependsOn()) + ")");
                  if (b.reason() != null) {
                    out.println("      why larger: " + b.reason());
                  }
                });
        out.println("build check: " + result.plan().buildCheck());
        out.println(
            "revert one with: atomic dte revert --spec "
                + target.specFile
                + " --working-dir "
                + target.workingDir
                + " --batch <batch-n> [--cascade]");
      } else if (result.plan() != null && dryRun) {
        out.printf(
            "would commit %d batch(es) of about %d file(s):%n",
            result.plan().batches().size(), batchSize);
        result
            .plan()
            .batches()
            .forEach(
                b -> {
                  out.printf(
                      "  %s %s%s%n",
                      b.id(),
                      b.files(),
                      b.dependsOn().isEmpty()
                          ? ""
                          : " (depends on " + String.join(", ", b.dependsOn()) + ")");
                  if (b.reason() != null) {
                    out.println("      why larger: " + b.reason());
                  }
                });
        out.println("build check: " + result.plan().buildCheck());
      } else if (!dryRun) {
        out.println(
            "note: not a git working tree, so the files were edited in place; review with --dry-run first.");
      }
    }
    out.flush();
    if (ci && result.patches().isEmpty()) {
      err.println(
          "error: "
              + changeSpec.id()
              + " changes no file in "
              + target.workingDir
              + " (--ci): check the selectors, the scope and the classpath");
      err.flush();
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
