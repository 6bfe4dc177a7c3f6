package dev.atomic.dte.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.verify.Invariants;
import dev.atomic.dte.verify.MutationTargets;
import dev.atomic.dte.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitBatchesTest {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  private static final PersonIdent ME = new PersonIdent("Dev", "dev@example.com");

  @TempDir Path repo;
  private ObjectId baseCommit;

  @BeforeEach
  void demoRepoUnderGit() throws Exception {
    DemoRepo.copyTo(repo);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      baseCommit =
          git.commit().setAuthor(ME).setCommitter(ME).setSign(false).setMessage("demo").call();
    }
  }

  @Test
  void cs001IsOneBatchBecauseEveryFileUsesTheRenamedTypeAndThePlanSaysWhy() throws Exception {
    DtePreview result = GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 2);

    DtePreview.Batches batches = result.batches();
    assertThat(batches.branch()).isEqualTo("atomic/CS-001");
    assertThat(batches.base()).isEqualTo("main");
    assertThat(batches.commits()).extracting(DtePreview.Batch::id).containsExactly("batch-1");
    assertThat(result.plan().batches().get(0).reason())
        .contains("files must land together", "UserId");
    assertThat(result.plan().buildCheck()).startsWith("every batch compiles");
    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.getRepository().getBranch()).isEqualTo("atomic/CS-001");
      assertThat(git.getRepository().resolve("refs/heads/main")).isEqualTo(baseCommit);
      assertThat(git.status().call().isClean()).isTrue();
      RevCommit first =
          git.getRepository().parseCommit(ObjectId.fromString(batches.commits().get(0).commit()));
      assertThat(first.getFullMessage())
          .startsWith("CS-001 batch 1/1: ")
          .contains("Atomic-Batch: batch-1", "must land together");
    }
    assertThat(repo.resolve("src/main/java/com/acme/model/UserId.java")).doesNotExist();
    assertThat(DemoRepo.compile(repo.resolve("src/main/java"))).isEmpty();
    assertThat(GitBatches.status(repo, "atomic/CS-001"))
        .extracting(DtePreview.Batch::id)
        .containsExactly("batch-1");
  }

  @Test
  void mutationTargetsAreTheProductionClassesItsBatchesChanged() {
    GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 2);

    MutationTargets targets = MutationTargets.of(DemoRepo.cs001(), repo);

    assertThat(targets.basis()).isEqualTo("git batches of CS-001");
    assertThat(targets.classes())
        .contains("com.acme.model.AccountId", "com.acme.auth.Auth", "com.acme.app.LoginController")
        .doesNotContain("com.acme.model.UserId")
        .noneMatch(name -> name.endsWith("Test"));
  }

  @Test
  void revertingABatchRestoresItsFilesExactly() throws Exception {
    DtePreview result = GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 2);
    List<String> files = result.batches().commits().get(0).files();

    GitBatches.revert(repo, "CS-001", "batch-1");

    for (String file : files) {
      String base = contentAt(baseCommit, file);
      if (base == null) {
        assertThat(repo.resolve(file)).as(file).doesNotExist();
      } else {
        assertThat(Files.readString(repo.resolve(file))).as(file).isEqualTo(base);
      }
    }
    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.status().call().isClean()).isTrue();
      assertThat(git.log().setMaxCount(1).call().iterator().next().getShortMessage())
          .startsWith("Revert batch-1 of CS-001");
    }
    assertThat(GitBatches.status(repo, "atomic/CS-001").get(0).reverted()).isTrue();
    try (Git git = Git.open(repo.toFile())) {
      assertThat(
              git.diff()
                  .setOldTree(tree(git, baseCommit))
                  .setNewTree(tree(git, git.getRepository().resolve("HEAD")))
                  .call())
          .isEmpty();
    }
  }

  @Test
  void aBatchWhoseFilesChangedSinceIsNotRevertedAndNothingChanges() throws Exception {
    DtePreview result = GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 2);
    String file = result.batches().commits().get(0).files().get(0);
    ObjectId head;
    try (Git git = Git.open(repo.toFile())) {
      Files.writeString(
          repo.resolve(file), Files.readString(repo.resolve(file)).replace("signIn", "logIn"));
      git.add().addFilepattern(file).call();
      head =
          git.commit()
              .setAuthor(ME)
              .setCommitter(ME)
              .setSign(false)
              .setMessage("edit after the batch")
              .call();
    }

    assertThatThrownBy(() -> GitBatches.revert(repo, "CS-001", "batch-1"))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.REFUSED);
              assertThat(e.reasons().get(0))
                  .contains("batch-1 is not reversible any more", "nothing was changed");
              assertThat(e.reasons()).contains(file);
            });
    try (Git git = Git.open(repo.toFile())) {
      assertThat(git.getRepository().resolve("HEAD")).isEqualTo(head);
      assertThat(git.status().call().isClean()).isTrue();
    }
    assertThat(GitBatches.status(repo, "atomic/CS-001").get(0).reversible()).isFalse();
  }

  @Test
  void refusesADirtyTreeAndASecondApply() throws Exception {
    Files.writeString(repo.resolve("README.md"), "local edit\n");
    assertThatThrownBy(() -> GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 2))
        .hasMessageContaining("uncommitted changes")
        .hasMessageContaining("README.md");

    try (Git git = Git.open(repo.toFile())) {
      git.checkout().addPath("README.md").call();
    }
    GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 50);
    assertThatThrownBy(() -> GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 50))
        .hasMessageContaining("branch atomic/CS-001 already exists");
    assertThatThrownBy(() -> GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 0))
        .hasMessageContaining("batchSize");
  }

  @Test
  void aPlannedBatchAppliedTwiceIsCommittedOnce() throws Exception {
    DtePreview plan = GitBatches.plan(ENGINE, DemoRepo.cs001(), repo, 2, message -> {});
    dev.atomic.dte.batches.PlannedBatch batch = plan.plan().batches().get(0);
    String base = baseCommit.getName();

    DtePreview.Batch first =
        GitBatches.applyPlanned(
            ENGINE, DemoRepo.cs001(), repo, "atomic/M-1", base, batch, 1, m -> {});
    DtePreview.Batch retried =
        GitBatches.applyPlanned(
            ENGINE, DemoRepo.cs001(), repo, "atomic/M-1", base, batch, 1, m -> {});

    assertThat(retried.commit()).isEqualTo(first.commit());
    assertThat(GitBatches.status(repo, "atomic/M-1"))
        .extracting(DtePreview.Batch::id)
        .containsExactly("batch-1");
    assertThat(DemoRepo.compile(repo.resolve("src/main/java"))).isEmpty();
    assertThat(Files.readString(repo.resolve("src/main/java/com/acme/auth/Auth.java")))
        .contains("signIn(String email");
  }

  @Test
  void apiCompatListsWhatTheChangeRemovedFromThePublicApi() {
    ChangeSpec withApiCheck =
        new ChangeSpec(
            "CS-001",
            "check",
            List.of("src/main/java"),
            "java",
            null,
            null,
            List.of(new ChangeSpec.Invariant("PublicApiKept", "apiCompat", null)),
            null,
            null,
            null);
    VerificationReport before = Invariants.verify(withApiCheck, repo);

    GitBatches.apply(ENGINE, DemoRepo.cs001(), repo, 50);
    VerificationReport after = Invariants.verify(withApiCheck, repo);

    assertThat(before.success()).isTrue();
    assertThat(before.invariants().get(0).evidence().get(0))
        .startsWith("all ")
        .endsWith("public member(s) of HEAD still present");
    assertThat(after.success()).isFalse();
    assertThat(after.invariants().get(0).evidence())
        .contains(
            "removed or changed: class com.acme.model.UserId",
            "removed or changed: method com.acme.auth.Auth#login(java.lang.String,java.lang.String) : java.util.Optional<com.acme.auth.Session>");
  }

  private static org.eclipse.jgit.treewalk.AbstractTreeIterator tree(Git git, ObjectId commit)
      throws Exception {
    try (RevWalk walk = new RevWalk(git.getRepository());
        var reader = git.getRepository().newObjectReader()) {
      org.eclipse.jgit.treewalk.CanonicalTreeParser parser =
          new org.eclipse.jgit.treewalk.CanonicalTreeParser();
      parser.reset(reader, walk.parseCommit(commit).getTree());
      return parser;
    }
  }

  private String contentAt(ObjectId commitId, String path) throws Exception {
    try (Git git = Git.open(repo.toFile());
        RevWalk walk = new RevWalk(git.getRepository())) {
      RevCommit commit = walk.parseCommit(commitId);
      try (TreeWalk tree = TreeWalk.forPath(git.getRepository(), path, commit.getTree())) {
        if (tree == null) {
          return null;
        }
        ObjectLoader loader = git.getRepository().open(tree.getObjectId(0));
        return new String(loader.getBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
