package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DemoRepo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atomic dte plan|apply}, run as the installed command would run them. */
class DteCommandTest {

  private static final Path EXAMPLES = DemoRepo.EXAMPLES;

  @Test
  void plansAValidSpecFromASupportedIntent(@TempDir Path dir) throws IOException {
    Path output = dir.resolve("changespec.json");

    CliRun run =
        CliRun.atomic(
            "dte",
            "plan",
            "--intent",
            "Rename UserId to AccountId",
            "--scope",
            "src/**/*.java",
            "--output",
            output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    ChangeSpec spec = ChangeSpecValidator.parse(Files.readString(output));
    assertThat(spec.language()).isEqualTo("java");
    assertThat(spec.patches())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.astOp()).isEqualTo("renameSymbol");
              assertThat(p.selector()).isEqualTo("Identifier[name='UserId']");
              assertThat(p.details()).containsEntry("newName", "AccountId");
            });
  }

  @Test
  void theRunbooksTypeScriptPlanGetsClearErrors() {
    CliRun freeText =
        CliRun.atomic(
            "dte",
            "plan",
            "--intent",
            "Migrate auth API",
            "--scope",
            "src/**/*.ts",
            "--output",
            "changespec.json");
    CliRun typescript =
        CliRun.atomic(
            "dte", "plan", "--intent", "Rename UserId to AccountId", "--scope", "src/**/*.ts");

    assertThat(freeText.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(freeText.err())
        .contains(
            "cannot plan the intent 'Migrate auth API'; supported forms:",
            "Move package <a.b> to <c.d>");
    assertThat(typescript.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(typescript.err())
        .contains("language pack not available: typescript (available: java");
    assertThat(Path.of("changespec.json")).doesNotExist();
  }

  @Test
  void dryRunShowsTheDiffsAndWritesNothing(@TempDir Path dir) throws IOException {
    Path repo = copyDemo(dir);
    String before = Files.readString(repo.resolve("src/main/java/com/acme/auth/Auth.java"));

    CliRun run =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            EXAMPLES.resolve("specs/CS-001.json").toString(),
            "--working-dir",
            repo.toString(),
            "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "+  public Optional<Session> signIn(String email, String password) {",
            "would change src/main/java/com/acme/model/UserId.java -> src/main/java/com/acme/model/AccountId.java",
            "(dry run: nothing was written)");
    assertThat(run.err()).contains("Previewing CS-001");
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/auth/Auth.java")))
        .isEqualTo(before);
  }

  @Test
  void applyChangesTheTree(@TempDir Path dir) throws IOException {
    Path repo = copyDemo(dir);

    CliRun run =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            EXAMPLES.resolve("specs/CS-001.json").toString(),
            "--working-dir",
            repo.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("changed src/main/java/com/acme/auth/Auth.java", "not a git working tree");
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/model/AccountId.java")))
        .contains("class AccountId");
  }

  @Test
  void anInvalidSpecIsAUsageErrorNamingEachProblem(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("bad.json");
    Files.writeString(
        spec,
        "{\"id\":\"CS-1\",\"intent\":\"x\",\"scope\":[\"src\"],\"language\":\"java\",\"patches\":[{\"astOp\":\"rename\"}]}");

    CliRun invalid =
        CliRun.atomic("dte", "apply", "--spec", spec.toString(), "--working-dir", dir.toString());
    CliRun missing = CliRun.atomic("dte", "apply", "--spec", dir.resolve("nope.json").toString());

    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(invalid.err()).contains("/patches/0/astOp: must be one of [renameSymbol,");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("no such ChangeSpec file");
  }

  @Test
  void verifyWithCiBlocksABrokenTreeAndPassesAFixedOne(@TempDir Path dir) throws IOException {
    Path repo = copyDemo(dir);
    String spec = EXAMPLES.resolve("specs/CS-001.json").toString();

    CliRun before =
        CliRun.atomic("dte", "verify", "--spec", spec, "--working-dir", repo.toString(), "--ci");
    CliRun beforeWithoutCi =
        CliRun.atomic("dte", "verify", "--spec", spec, "--working-dir", repo.toString());
    CliRun.atomic("dte", "apply", "--spec", spec, "--working-dir", repo.toString());
    Path report = dir.resolve("report.json");
    CliRun after =
        CliRun.atomic(
            "dte",
            "verify",
            "--spec",
            spec,
            "--working-dir",
            repo.toString(),
            "--ci",
            "--report",
            report.toString());

    assertThat(before.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(before.out()).contains("NoLoginTextRemains", "FAIL", "verification FAILED");
    assertThat(beforeWithoutCi.exitCode()).isZero();
    assertThat(after.exitCode()).as(after.out()).isZero();
    assertThat(after.out())
        .contains("verification passed", "mutants (pit 1.", "vs threshold 0.60 (spec): pass");
    assertThat(Files.readString(report))
        .contains(
            "\"success\" : true", "AccountIdExists", "\"mutationReport\"", "\"mutationScore\"");
  }

  @Test
  void ciFailsASpecThatChangesNothing(@TempDir Path dir) throws IOException {
    Path repo = copyDemo(dir);
    Path spec = dir.resolve("noop.json");
    Files.writeString(
        spec,
        """
        {"id": "CS-78", "intent": "Replace a message nobody writes", "scope": ["src/**/*.java"], "language": "java",
         "patches": [{"astOp": "editString", "details": {"from": "no such message", "to": "still none"}}]}
        """);

    CliRun plain =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            spec.toString(),
            "--working-dir",
            repo.toString(),
            "--dry-run");
    CliRun inCi =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            spec.toString(),
            "--working-dir",
            repo.toString(),
            "--dry-run",
            "--ci");

    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out())
        .contains("warning: no file in scope is affected by the patches", "0 file(s)");
    assertThat(inCi.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(inCi.err()).contains("CS-78 changes no file", "(--ci)");
  }

  @Test
  void aLibraryTypeNeedsTheClasspathAndIsNamedWithoutIt(@TempDir Path dir) throws IOException {
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree.resolve("src/com/acme"));
    Files.writeString(
        tree.resolve("src/com/acme/Names.java"),
        """
        package com.acme;

        import com.google.common.base.Preconditions;

        class Names {
          String first(String name) {
            return Preconditions.checkNotNull(name, "name");
          }
        }
        """);
    Path spec = dir.resolve("guava.json");
    Files.writeString(
        spec,
        """
        {"id": "CS-77", "intent": "Guava checkNotNull to the JDK", "scope": ["src/**/*.java"], "language": "java",
         "patches": [{"astOp": "replaceAPI",
                      "selector": "MethodCall[type='com.google.common.base.Preconditions'][name='checkNotNull']",
                      "details": {"newTarget": "java.util.Objects", "newProperty": "requireNonNull"}}]}
        """);
    String guava =
        java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(
                e ->
                    Path.of(e)
                        .getFileName()
                        .toString()
                        .matches("guava-[0-9.]+-(jre|android)\\.jar"))
            .findFirst()
            .orElseThrow();

    CliRun without =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            spec.toString(),
            "--working-dir",
            tree.toString(),
            "--dry-run");
    CliRun with =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            spec.toString(),
            "--working-dir",
            tree.toString(),
            "--classpath",
            guava);

    assertThat(without.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(without.err())
        .contains(
            "type com.google.common.base.Preconditions cannot be resolved",
            "there is no pom.xml and no classpath was given",
            "--classpath");
    assertThat(with.exitCode()).as(with.err()).isZero();
    assertThat(Files.readString(tree.resolve("src/com/acme/Names.java")))
        .contains("import java.util.Objects;", "return Objects.requireNonNull(name, \"name\");")
        .doesNotContain("Preconditions");
  }

  @Test
  void cs001StaysOneBatchAndSaysWhy(@TempDir Path dir) throws Exception {
    Path repo = underGit(copyDemo(dir));
    String spec = EXAMPLES.resolve("specs/CS-001.json").toString();

    CliRun applied =
        CliRun.atomic(
            "dte", "apply", "--spec", spec, "--working-dir", repo.toString(), "--batch-size", "2");

    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out())
        .contains(
            "committed 1 batch(es) on atomic/CS-001 (from main, which is unchanged)",
            "why larger: ",
            "files must land together",
            "build check: every batch compiles");
  }

  @Test
  void dependentBatchesAreRevertedOnlyWithCascade(@TempDir Path dir) throws Exception {
    Path repo = underGit(DemoRepo.copy("billing-repo", dir));
    String spec = EXAMPLES.resolve("specs/CS-003.json").toString();

    CliRun preview =
        CliRun.atomic(
            "dte",
            "apply",
            "--spec",
            spec,
            "--working-dir",
            repo.toString(),
            "--batch-size",
            "1",
            "--dry-run");
    CliRun applied =
        CliRun.atomic(
            "dte", "apply", "--spec", spec, "--working-dir", repo.toString(), "--batch-size", "1");
    CliRun refused =
        CliRun.atomic(
            "dte",
            "revert",
            "--spec",
            spec,
            "--working-dir",
            repo.toString(),
            "--batch",
            "batch-4");
    CliRun cascaded =
        CliRun.atomic(
            "dte",
            "revert",
            "--spec",
            spec,
            "--working-dir",
            repo.toString(),
            "--batch",
            "batch-4",
            "--cascade");
    CliRun alone =
        CliRun.atomic(
            "dte",
            "revert",
            "--spec",
            spec,
            "--working-dir",
            repo.toString(),
            "--batch",
            "batch-1");
    CliRun unknown =
        CliRun.atomic(
            "dte",
            "revert",
            "--spec",
            spec,
            "--working-dir",
            repo.toString(),
            "--batch",
            "batch-9");

    assertThat(preview.out())
        .contains(
            "would commit 7 batch(es)",
            "batch-5 [src/main/java/com/acme/report/Dashboard.java] (depends on batch-4)");
    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out())
        .contains("committed 7 batch(es) on atomic/CS-003", "(depends on batch-4)");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(refused.err()).contains("batch-4 cannot be reverted alone: batch-5 depends on it");
    assertThat(cascaded.exitCode()).as(cascaded.err()).isZero();
    assertThat(cascaded.out())
        .containsSubsequence("reverted batch-5 of CS-003", "reverted batch-4 of CS-003");
    assertThat(alone.exitCode()).as(alone.err()).isZero();
    assertThat(alone.out()).contains("reverted batch-1 of CS-003");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no batch-9 on atomic/CS-003");
  }

  private static Path underGit(Path repo) throws Exception {
    try (org.eclipse.jgit.api.Git git =
        org.eclipse.jgit.api.Git.init()
            .setDirectory(repo.toFile())
            .setInitialBranch("main")
            .call()) {
      git.add().addFilepattern(".").call();
      org.eclipse.jgit.lib.PersonIdent me =
          new org.eclipse.jgit.lib.PersonIdent("Dev", "dev@example.com");
      git.commit().setAuthor(me).setCommitter(me).setSign(false).setMessage("demo").call();
    }
    return repo;
  }

  private static Path copyDemo(Path target) {
    return DemoRepo.copyTo(target);
  }
}
