package dev.atomic.dte.git;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.batches.BatchPlanner;
import dev.atomic.dte.batches.Dependents;
import dev.atomic.dte.batches.PlannedBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Applies a ChangeSpec in a git working tree as batches that stand on their own: the batches come
 * from {@link BatchPlanner} (dependent edits together, each batch's tree compiling), each is one
 * commit on a branch of its own ({@code atomic/<spec id>} for the CLI, {@code atomic/<mission id>}
 * for missions), and the branch the work started from is never written. Reverting a batch is a new
 * commit; it is refused, naming them, while applied batches depend on it, unless those are reverted
 * too (newest first), and refused with the files named when the revert would not apply cleanly.
 */
public final class GitBatches {

  public static final int DEFAULT_BATCH_SIZE = 50;
  static final String SPEC_TRAILER = "Atomic-Spec: ";
  static final String BATCH_TRAILER = "Atomic-Batch: ";
  static final String DEPENDS_TRAILER = "Atomic-Depends-On: ";
  static final String REVERTS_TRAILER = "Atomic-Reverts: ";
  private static final PersonIdent DTE = new PersonIdent("Atomic DTE", "dte@atomic.invalid");

  private GitBatches() {}

  /** True when {@code root} is the top of a git working tree. */
  public static boolean isWorkingTree(Path root) {
    return Files.exists(root.resolve(".git"));
  }

  public static String branchOf(ChangeSpec spec) {
    return "atomic/" + spec.id();
  }

  /**
   * The branch whose batches describe the tree: the checked-out {@code atomic/…} branch (a
   * mission's clone), else {@code atomic/<specId>}.
   */
  public static String batchBranch(Path root, String specId) {
    try (Git git = Git.open(root.toFile())) {
      String current = git.getRepository().getBranch();
      return current != null && current.startsWith("atomic/") ? current : "atomic/" + specId;
    } catch (IOException e) {
      return "atomic/" + specId;
    }
  }

  /** The preview of a spec with its batch plan; the tree is not touched. */
  public static DtePreview plan(
      DteEngine engine, ChangeSpec spec, Path root, int batchSize, Consumer<String> progress) {
    return plan(engine, spec, root, List.of(), batchSize, progress);
  }

  /** As {@link #plan(DteEngine, ChangeSpec, Path, int, Consumer)}, with an explicit classpath. */
  public static DtePreview plan(
      DteEngine engine,
      ChangeSpec spec,
      Path root,
      List<Path> classpath,
      int batchSize,
      Consumer<String> progress) {
    DteEngine.Planned planned = engine.plan(spec, root, true, classpath, progress);
    return planned
        .preview()
        .withPlan(
            BatchPlanner.plan(
                root, planned.changedFiles(), planned.classpath(), batchSize, progress));
  }

  /** Applies the spec as commits on {@code atomic/<spec id>} and reports each batch. */
  public static DtePreview apply(DteEngine engine, ChangeSpec spec, Path root, int batchSize) {
    return apply(engine, spec, root, List.of(), batchSize, message -> {});
  }

  /**
   * As {@link #apply(DteEngine, ChangeSpec, Path, int)}, with an explicit classpath, reporting
   * progress.
   */
  public static DtePreview apply(
      DteEngine engine,
      ChangeSpec spec,
      Path root,
      List<Path> classpath,
      int batchSize,
      Consumer<String> progress) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw DteException.invalid("batchSize: must be between 1 and 10000, got " + batchSize);
    }
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      String base = repo.getBranch();
      String branch = branchOf(spec);
      requireClean(git);
      if (repo.findRef("refs/heads/" + branch) != null) {
        throw DteException.refused(
            List.of(
                "branch "
                    + branch
                    + " already exists: this spec was applied before (revert its batches,"
                    + " or delete the branch, or use a new spec id)"));
      }
      DteEngine.Planned planned = engine.plan(spec, root, false, classpath, progress);
      BatchPlanner.Plan plan =
          BatchPlanner.plan(root, planned.changedFiles(), planned.classpath(), batchSize, progress);
      git.checkout().setCreateBranch(true).setName(branch).call();
      List<DtePreview.Batch> commits = new ArrayList<>();
      for (PlannedBatch batch : plan.batches()) {
        commits.add(commitBatch(git, root, spec, planned, batch, plan.batches().size()));
      }
      return planned
          .preview()
          .withPlan(plan)
          .withBatches(new DtePreview.Batches(branch, base, List.copyOf(commits)));
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /**
   * Commits one planned batch on {@code branch}, with the edits computed on {@code baseCommit}, so
   * every batch of a plan sees the same edits. Idempotent: a batch already on the branch is
   * returned as it is. The working tree is checked out on {@code branch} (created at the base
   * commit when missing). This is what a mission's execute step calls, one batch per activity.
   */
  public static DtePreview.Batch applyPlanned(
      DteEngine engine,
      ChangeSpec spec,
      Path root,
      String branch,
      String baseCommit,
      PlannedBatch batch,
      int total,
      Consumer<String> progress) {
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      if (repo.findRef("refs/heads/" + branch) == null) {
        git.checkout().setCreateBranch(true).setName(branch).setStartPoint(baseCommit).call();
      } else if (!branch.equals(repo.getBranch())) {
        git.checkout().setName(branch).call();
      }
      Optional<DtePreview.Batch> done =
          status(root, branch).stream().filter(b -> b.id().equals(batch.id())).findFirst();
      if (done.isPresent()) {
        return done.get();
      }
      requireClean(git);
      Path snapshot = Files.createTempDirectory("atomic-base");
      try {
        materialize(repo, baseCommit, snapshot);
        DteEngine.Planned planned = engine.plan(spec, snapshot, false, List.of(), progress);
        Set<String> changed = new TreeSet<>(planned.preview().patches());
        for (String file : batch.files()) {
          if (!changed.contains(file)) {
            throw DteException.refused(
                List.of(
                    batch.id()
                        + ": "
                        + file
                        + " is no longer changed by "
                        + spec.id()
                        + " on "
                        + baseCommit
                        + "; plan the mission again"));
          }
        }
        commitBatch(git, root, spec, planned, batch, total);
        return status(root, branch).stream()
            .filter(b -> b.id().equals(batch.id()))
            .findFirst()
            .orElseThrow();
      } finally {
        deleteTree(snapshot);
      }
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /** Writes one batch's files (a moved file's old path goes too) and commits them. */
  private static DtePreview.Batch commitBatch(
      Git git, Path root, ChangeSpec spec, DteEngine.Planned planned, PlannedBatch batch, int total)
      throws GitAPIException {
    DteEngine.write(root, planned.contents(), planned.movedFrom(), new TreeSet<>(batch.files()));
    List<String> touched = new ArrayList<>();
    for (String file : batch.files()) {
      git.add().addFilepattern(file).call();
      touched.add(file);
      String from = planned.movedFrom().get(file);
      if (from != null && !from.equals(file)) {
        git.rm().setCached(true).addFilepattern(from).call();
        touched.add(from);
      }
    }
    RevCommit commit =
        git.commit()
            .setAuthor(DTE)
            .setCommitter(DTE)
            .setSign(false)
            .setMessage(message(spec, batch, total, touched))
            .call();
    return new DtePreview.Batch(
        batch.id(),
        commit.getName(),
        List.copyOf(touched),
        true,
        batch.dependsOn(),
        batch.reason(),
        false);
  }

  /** Writes the files of a commit into an empty directory. */
  private static void materialize(Repository repo, String commitId, Path target)
      throws IOException {
    ObjectId id = repo.resolve(commitId);
    if (id == null) {
      throw DteException.refused(List.of("base commit " + commitId + " is not in the repository"));
    }
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(id).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        Path file = target.resolve(tree.getPathString()).normalize();
        if (!file.startsWith(target)) {
          continue; // a hostile path in history never escapes the snapshot
        }
        Files.createDirectories(file.getParent());
        Files.write(file, repo.open(tree.getObjectId(0)).getBytes());
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** As {@link #revert(Path, String, String, boolean)} on {@code atomic/<specId>}, alone. */
  public static String revert(Path root, String specId, String batchId) {
    return revert(root, "atomic/" + specId, batchId, false).get(0).commit();
  }

  /** One revert commit: which batch it reverted. */
  public record Reverted(String batchId, String commit) {}

  /**
   * Reverts a batch with a new commit on {@code branch}; with {@code cascade}, the applied batches
   * that depend on it first, newest first. Idempotent: a batch already reverted is reported with
   * its revert commit.
   *
   * @throws DteException REFUSED naming the dependent batches (without {@code cascade}) or the
   *     conflicting files; nothing is changed then
   */
  public static List<Reverted> revert(Path root, String branch, String batchId, boolean cascade) {
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      if (!branch.equals(repo.getBranch())) {
        throw DteException.refused(
            List.of(
                "check out "
                    + branch
                    + " first (the working tree is on "
                    + repo.getBranch()
                    + ")"));
      }
      requireClean(git);
      List<DtePreview.Batch> batches = status(root, branch);
      DtePreview.Batch target =
          batches.stream()
              .filter(b -> b.id().equals(batchId))
              .findFirst()
              .orElseThrow(
                  () ->
                      DteException.invalid(
                          "no "
                              + batchId
                              + " on "
                              + branch
                              + " (batches: "
                              + String.join(
                                  ", ", batches.stream().map(DtePreview.Batch::id).toList())
                              + ")"));
      if (target.reverted()) {
        return List.of(new Reverted(batchId, revertCommitOf(repo, branch, batchId)));
      }
      List<DtePreview.Batch> dependents = dependents(batches, batchId);
      if (!dependents.isEmpty() && !cascade) {
        List<String> ids = dependents.stream().map(DtePreview.Batch::id).toList();
        throw DteException.refused(
            List.of(
                batchId
                    + " cannot be reverted alone: "
                    + String.join(", ", ids)
                    + (ids.size() == 1 ? " depends" : " depend")
                    + " on it and would no longer compile; revert "
                    + (ids.size() == 1 ? "it" : "them")
                    + " too with cascade (newest first), or revert "
                    + (ids.size() == 1 ? "it" : "them")
                    + " first"));
      }
      List<DtePreview.Batch> order = new ArrayList<>(dependents);
      order.add(target);
      order.sort((a, b) -> Integer.compare(batches.indexOf(b), batches.indexOf(a)));
      List<Reverted> done = new ArrayList<>();
      ObjectId start = repo.resolve("HEAD");
      try {
        for (DtePreview.Batch batch : order) {
          done.add(new Reverted(batch.id(), revertOne(git, repo, branch, batch)));
        }
      } catch (DteException e) {
        git.reset()
            .setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD)
            .setRef(start.getName())
            .call();
        throw e;
      }
      return done;
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /** Reverts every applied batch of the branch, newest first; the tree ends as at the base. */
  public static List<Reverted> revertAll(Path root, String branch) {
    List<Reverted> done = new ArrayList<>();
    List<DtePreview.Batch> batches = status(root, branch);
    for (int i = batches.size() - 1; i >= 0; i--) {
      if (!batches.get(i).reverted()) {
        done.addAll(revert(root, branch, batches.get(i).id(), true));
        batches = status(root, branch);
      }
    }
    return done;
  }

  /** The applied (not reverted) batches that depend on {@code batchId}, directly or not. */
  static List<DtePreview.Batch> dependents(List<DtePreview.Batch> batches, String batchId) {
    return Dependents.of(
        batches, batchId, DtePreview.Batch::id, DtePreview.Batch::dependsOn, b -> !b.reverted());
  }

  private static String revertOne(Git git, Repository repo, String branch, DtePreview.Batch batch)
      throws IOException, GitAPIException {
    RevCommit commit = repo.parseCommit(ObjectId.fromString(batch.commit()));
    List<String> conflicts = revertConflicts(repo, commit);
    if (!conflicts.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add(
          batch.id()
              + " is not reversible any more: its revert conflicts in "
              + conflicts.size()
              + " file(s); nothing was changed");
      reasons.addAll(conflicts);
      throw DteException.refused(reasons);
    }
    RevCommit reverted = git.revert().include(commit).setOurCommitName(branch).call();
    if (reverted == null) {
      throw DteException.refused(List.of("git could not revert " + batch.id()));
    }
    String message =
        "Revert "
            + batch.id()
            + " of "
            + trailerOr(commit, SPEC_TRAILER, branch)
            + "\n\n"
            + "This reverts commit "
            + commit.getName()
            + ".\n\n"
            + REVERTS_TRAILER
            + batch.id()
            + "\n";
    RevCommit amended =
        git.commit()
            .setAmend(true)
            .setAuthor(DTE)
            .setCommitter(DTE)
            .setSign(false)
            .setMessage(message)
            .call();
    return amended.getName();
  }

  private static String revertCommitOf(Repository repo, String branch, String batchId)
      throws IOException, GitAPIException {
    try (Git git = new Git(repo)) {
      for (RevCommit commit : git.log().add(repo.resolve("refs/heads/" + branch)).call()) {
        if (batchId.equals(trailer(commit, REVERTS_TRAILER))) {
          return commit.getName();
        }
      }
    }
    return null;
  }

  /**
   * The batches committed on {@code branch}, oldest first, with whether each can be reverted now.
   */
  public static List<DtePreview.Batch> status(Path root, String branch) {
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      ObjectId tip = repo.resolve("refs/heads/" + branch);
      if (tip == null) {
        return List.of();
      }
      List<RevCommit> applied = new ArrayList<>();
      Set<String> reverted = new TreeSet<>();
      for (RevCommit commit : git.log().add(tip).call()) {
        String revertOf = trailer(commit, REVERTS_TRAILER);
        if (revertOf != null) {
          reverted.add(revertOf);
        } else if (trailer(commit, BATCH_TRAILER) != null) {
          applied.add(0, commit);
        }
      }
      List<DtePreview.Batch> batches = new ArrayList<>();
      for (RevCommit commit : applied) {
        String id = trailer(commit, BATCH_TRAILER);
        String depends = trailer(commit, DEPENDS_TRAILER);
        List<String> dependsOn =
            depends == null || depends.isBlank()
                ? List.of()
                : Arrays.stream(depends.split(",")).map(String::strip).toList();
        batches.add(
            new DtePreview.Batch(
                id,
                commit.getName(),
                files(commit),
                false,
                dependsOn,
                null,
                reverted.contains(id)));
      }
      boolean onBranch = branch.equals(repo.getBranch());
      List<DtePreview.Batch> result = new ArrayList<>();
      for (DtePreview.Batch batch : batches) {
        boolean reversible =
            !batch.reverted()
                && dependents(batches, batch.id()).isEmpty()
                && (!onBranch
                    || revertConflicts(repo, repo.parseCommit(ObjectId.fromString(batch.commit())))
                        .isEmpty());
        result.add(
            new DtePreview.Batch(
                batch.id(),
                batch.commit(),
                batch.files(),
                reversible,
                batch.dependsOn(),
                null,
                batch.reverted()));
      }
      return result;
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  private static List<String> revertConflicts(Repository repo, RevCommit commit)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit head = walk.parseCommit(repo.resolve("HEAD"));
      RevCommit parent = walk.parseCommit(commit.getParent(0));
      ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repo, true);
      merger.setBase(commit.getTree());
      if (merger.merge(head, parent)) {
        return List.of();
      }
      List<String> conflicts = new ArrayList<>(merger.getUnmergedPaths());
      if (merger.getFailingPaths() != null) {
        merger.getFailingPaths().keySet().forEach(conflicts::add);
      }
      return conflicts.isEmpty() ? List.of("(the trees do not merge)") : conflicts;
    }
  }

  private static String trailer(RevCommit commit, String name) {
    for (String line : commit.getFullMessage().split("\n")) {
      if (line.startsWith(name)) {
        return line.substring(name.length()).strip();
      }
    }
    return null;
  }

  private static String trailerOr(RevCommit commit, String name, String fallback) {
    String value = trailer(commit, name);
    return value == null ? fallback : value;
  }

  private static List<String> files(RevCommit commit) {
    List<String> files = new ArrayList<>();
    for (String line : commit.getFullMessage().split("\n")) {
      if (line.startsWith("- ")) {
        files.add(line.substring(2));
      }
    }
    return files;
  }

  private static String message(
      ChangeSpec spec, PlannedBatch batch, int total, List<String> files) {
    StringBuilder message = new StringBuilder();
    String n =
        batch.id().startsWith("batch-") ? batch.id().substring("batch-".length()) : batch.id();
    message
        .append(spec.id())
        .append(" batch ")
        .append(n)
        .append('/')
        .append(total)
        .append(": ")
        .append(spec.intent())
        .append("\n\n");
    files.forEach(f -> message.append("- ").append(f).append('\n'));
    if (batch.reason() != null) {
      message.append('\n').append(batch.reason()).append('\n');
    }
    message.append('\n').append(SPEC_TRAILER).append(spec.id()).append('\n');
    message.append(BATCH_TRAILER).append(batch.id()).append('\n');
    if (!batch.dependsOn().isEmpty()) {
      message.append(DEPENDS_TRAILER).append(String.join(", ", batch.dependsOn())).append('\n');
    }
    return message.toString();
  }

  private static void requireClean(Git git) throws GitAPIException {
    Status status = git.status().call();
    Set<String> dirty = new TreeSet<>(status.getUncommittedChanges());
    if (!dirty.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      reasons.add("the working tree has uncommitted changes; commit or stash them first");
      dirty.stream().limit(20).forEach(reasons::add);
      throw DteException.refused(reasons);
    }
  }
}
