package dev.atomic.dte.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import dev.atomic.dte.DtePreview;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CS-003 on the billing example: independent batches, a dependent pair, safe reverts. */
class DependentBatchesTest {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");
  private static final String FORMAT = "src/main/java/com/acme/money/MoneyFormat.java";
  private static final String DASHBOARD = "src/main/java/com/acme/report/Dashboard.java";

  @TempDir Path repo;

  @BeforeEach
  void billingRepoUnderGit() throws Exception {
    DemoRepo.copy("billing-repo", repo);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setAuthor(ME).setCommitter(ME).setSign(false).setMessage("billing").call();
    }
  }

  @Test
  void callersSplitIntoIndependentBatchesAndTheNewMethodComesBeforeItsCaller() throws Exception {
    DtePreview result = GitBatches.apply(ENGINE, DemoRepo.cs003(), repo, 1);

    List<DtePreview.Batch> commits = result.batches().commits();
    assertThat(commits).hasSize(7);
    DtePreview.Batch format = only(commits, FORMAT);
    DtePreview.Batch dashboard = only(commits, DASHBOARD);
    assertThat(dashboard.dependsOn()).containsExactly(format.id());
    assertThat(commits.indexOf(dashboard)).isGreaterThan(commits.indexOf(format));
    assertThat(commits).filteredOn(b -> b != dashboard).allMatch(b -> b.dependsOn().isEmpty());
    assertThat(commits).allMatch(b -> b.files().size() == 1);
    // the tree at every batch commit compiles
    try (Git git = Git.open(repo.toFile())) {
      for (DtePreview.Batch batch : commits) {
        Path snapshot = Files.createTempDirectory(repo.getParent(), "at-" + batch.id());
        git.checkout().setName(batch.commit()).call();
        DemoRepo.copyTree(repo.resolve("src/main/java"), snapshot);
        assertThat(DemoRepo.compile(snapshot)).as("tree at " + batch.id()).isEmpty();
      }
      git.checkout().setName("atomic/CS-003").call();
    }
  }

  @Test
  void aBatchOthersDependOnIsNotRevertedAloneButCascades() throws Exception {
    List<DtePreview.Batch> commits =
        GitBatches.apply(ENGINE, DemoRepo.cs003(), repo, 1).batches().commits();
    String format = only(commits, FORMAT).id();
    String dashboard = only(commits, DASHBOARD).id();
    ObjectId head = head();

    assertThatThrownBy(() -> GitBatches.revert(repo, "atomic/CS-003", format, false))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.REFUSED);
              assertThat(e.getMessage())
                  .contains(
                      format + " cannot be reverted alone",
                      dashboard + " depends on it",
                      "cascade");
            });
    assertThat(head()).isEqualTo(head);
    assertThat(GitBatches.status(repo, "atomic/CS-003"))
        .filteredOn(b -> b.id().equals(format))
        .singleElement()
        .matches(b -> !b.reversible());

    List<GitBatches.Reverted> reverted = GitBatches.revert(repo, "atomic/CS-003", format, true);

    assertThat(reverted)
        .extracting(GitBatches.Reverted::batchId)
        .containsExactly(dashboard, format);
    assertThat(Files.readString(repo.resolve(FORMAT))).doesNotContain("formatCompact");
    assertThat(DemoRepo.compile(repo.resolve("src/main/java"))).isEmpty();
  }

  @Test
  void anIndependentBatchIsRevertedAloneAndTheRestStillCompiles() throws Exception {
    List<DtePreview.Batch> commits =
        GitBatches.apply(ENGINE, DemoRepo.cs003(), repo, 1).batches().commits();

    List<GitBatches.Reverted> reverted = GitBatches.revert(repo, "atomic/CS-003", "batch-1", false);

    assertThat(reverted).extracting(GitBatches.Reverted::batchId).containsExactly("batch-1");
    assertThat(Files.readString(repo.resolve(commits.get(0).files().get(0))))
        .contains("MoneyUtils.format(");
    assertThat(DemoRepo.compile(repo.resolve("src/main/java"))).isEmpty();
    assertThat(GitBatches.status(repo, "atomic/CS-003"))
        .filteredOn(DtePreview.Batch::reverted)
        .extracting(DtePreview.Batch::id)
        .containsExactly("batch-1");
    // reverting it again reports the same revert
    assertThat(GitBatches.revert(repo, "atomic/CS-003", "batch-1", false)).isEqualTo(reverted);
  }

  @Test
  void revertingEverythingLeavesTheBaseContent() throws Exception {
    GitBatches.apply(ENGINE, DemoRepo.cs003(), repo, 2);

    GitBatches.revertAll(repo, "atomic/CS-003");

    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.diff().setCached(false).call()).isEmpty();
      assertThat(git.getRepository().resolve("HEAD^{tree}"))
          .isEqualTo(git.getRepository().resolve("main^{tree}"));
    }
  }

  private static DtePreview.Batch only(List<DtePreview.Batch> commits, String file) {
    return commits.stream().filter(b -> b.files().contains(file)).findFirst().orElseThrow();
  }

  private ObjectId head() throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      return git.getRepository().resolve("HEAD");
    }
  }
}
