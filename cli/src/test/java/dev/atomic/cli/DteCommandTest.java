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

    CliRun run = CliRun.atomic("dte", "plan", "--intent", "Rename UserId to AccountId", "--scope", "src/**/*.java", "--output", output.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    ChangeSpec spec = ChangeSpecValidator.parse(Files.readString(output));
    assertThat(spec.language()).isEqualTo("java");
    assertThat(spec.patches()).singleElement().satisfies(p -> {
      assertThat(p.astOp()).isEqualTo("renameSymbol");
      assertThat(p.selector()).isEqualTo("Identifier[name='UserId']");
      assertThat(p.details()).containsEntry("newName", "AccountId");
    });
  }

  @Test
  void theRunbooksTypeScriptPlanGetsClearErrors() {
    CliRun freeText = CliRun.atomic("dte", "plan", "--intent", "Migrate auth API", "--scope", "src/**/*.ts", "--output", "changespec.json");
    CliRun typescript = CliRun.atomic("dte", "plan", "--intent", "Rename UserId to AccountId", "--scope", "src/**/*.ts");

    assertThat(freeText.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(freeText.err()).contains("cannot plan the intent 'Migrate auth API'; supported forms:", "Move package <a.b> to <c.d>");
    assertThat(typescript.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(typescript.err()).contains("language pack not available: typescript (available: java");
    assertThat(Path.of("changespec.json")).doesNotExist();
  }

  @Test
  void dryRunShowsTheDiffsAndWritesNothing(@TempDir Path dir) throws IOException {
    Path repo = copyDemo(dir);
    String before = Files.readString(repo.resolve("src/main/java/com/acme/auth/Auth.java"));

    CliRun run = CliRun.atomic("dte", "apply", "--spec", EXAMPLES.resolve("specs/CS-001.json").toString(),
        "--working-dir", repo.toString(), "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("+  public Optional<Session> signIn(String email, String password) {",
            "would change src/main/java/com/acme/model/UserId.java -> src/main/java/com/acme/model/AccountId.java",
            "(dry run: nothing was written)");
    assertThat(run.err()).contains("Previewing CS-001");
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/auth/Auth.java"))).isEqualTo(before);
  }

  @Test
  void applyChangesTheTree(@TempDir Path dir) throws IOException {
    Path repo = copyDemo(dir);

    CliRun run = CliRun.atomic("dte", "apply", "--spec", EXAMPLES.resolve("specs/CS-001.json").toString(), "--working-dir", repo.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("changed src/main/java/com/acme/auth/Auth.java", "not a git working tree");
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/model/AccountId.java"))).contains("class AccountId");
  }

  @Test
  void anInvalidSpecIsAUsageErrorNamingEachProblem(@TempDir Path dir) throws IOException {
    Path spec = dir.resolve("bad.json");
    Files.writeString(spec, "{\"id\":\"CS-1\",\"intent\":\"x\",\"scope\":[\"src\"],\"language\":\"java\",\"patches\":[{\"astOp\":\"rename\"}]}");

    CliRun invalid = CliRun.atomic("dte", "apply", "--spec", spec.toString(), "--working-dir", dir.toString());
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

    CliRun before = CliRun.atomic("dte", "verify", "--spec", spec, "--working-dir", repo.toString(), "--ci");
    CliRun beforeWithoutCi = CliRun.atomic("dte", "verify", "--spec", spec, "--working-dir", repo.toString());
    CliRun.atomic("dte", "apply", "--spec", spec, "--working-dir", repo.toString());
    Path report = dir.resolve("report.json");
    CliRun after = CliRun.atomic("dte", "verify", "--spec", spec, "--working-dir", repo.toString(), "--ci", "--report", report.toString());

    assertThat(before.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(before.out()).contains("NoLoginTextRemains", "FAIL", "verification FAILED");
    assertThat(beforeWithoutCi.exitCode()).isZero();
    assertThat(after.exitCode()).as(after.out()).isZero();
    assertThat(after.out()).contains("verification passed", "mutants (pit 1.", "vs threshold 0.60 (spec): pass");
    assertThat(Files.readString(report)).contains("\"success\" : true", "AccountIdExists", "\"mutationReport\"", "\"mutationScore\"");
  }

  @Test
  void batchesInAGitTreeAndRevertOne(@TempDir Path dir) throws Exception {
    Path repo = copyDemo(dir);
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      org.eclipse.jgit.lib.PersonIdent me = new org.eclipse.jgit.lib.PersonIdent("Dev", "dev@example.com");
      git.commit().setAuthor(me).setCommitter(me).setSign(false).setMessage("demo").call();
    }
    String spec = EXAMPLES.resolve("specs/CS-001.json").toString();

    CliRun applied = CliRun.atomic("dte", "apply", "--spec", spec, "--working-dir", repo.toString(), "--batch-size", "2");
    CliRun reverted = CliRun.atomic("dte", "revert", "--spec", spec, "--working-dir", repo.toString(), "--batch", "batch-2");
    CliRun unknown = CliRun.atomic("dte", "revert", "--spec", spec, "--working-dir", repo.toString(), "--batch", "batch-9");

    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("committed 4 batch(es) on atomic/CS-001 (from main, which is unchanged)");
    assertThat(reverted.exitCode()).as(reverted.err()).isZero();
    assertThat(reverted.out()).contains("reverted batch-2 of CS-001");
    assertThat(repo.resolve("src/main/java/com/acme/model/UserId.java")).exists();
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).contains("no batch-9 of CS-001");
  }

  private static Path copyDemo(Path target) {
    return DemoRepo.copyTo(target);
  }

}
