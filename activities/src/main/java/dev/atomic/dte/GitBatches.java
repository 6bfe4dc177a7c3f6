package dev.atomic.dte;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Applies a ChangeSpec in a git working tree as small reversible batches: each batch of at
 * most {@code batchSize} files is one commit on branch {@code atomic/<spec id>}; the branch the
 * work started from is never written. Reverting a batch reverts its commit, and is refused,
 * with the conflicting files named and nothing changed, when that revert would not apply
 * cleanly.
 */
public final class GitBatches {

  public static final int DEFAULT_BATCH_SIZE = 50;
  static final String SPEC_TRAILER = "Atomic-Spec: ";
  static final String BATCH_TRAILER = "Atomic-Batch: ";
  private static final PersonIdent DTE = new PersonIdent("Atomic DTE", "dte@atomic.invalid");

  private GitBatches() {}

  /** True when {@code root} is the top of a git working tree. */
  public static boolean isWorkingTree(Path root) {
    return Files.exists(root.resolve(".git"));
  }

  public static String branchOf(ChangeSpec spec) {
    return "atomic/" + spec.id();
  }

  /** Applies the spec as commits on {@code atomic/<id>} and reports each batch. */
  public static DtePreview apply(ChangeSpec spec, Path root, int batchSize) {
    if (batchSize < 1 || batchSize > 10_000) {
      throw DteException.invalid("batchSize: must be between 1 and 10000, got " + batchSize);
    }
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      String base = repo.getBranch();
      String branch = branchOf(spec);
      requireClean(git);
      if (repo.findRef("refs/heads/" + branch) != null) {
        throw DteException.refused(List.of(
            "branch " + branch + " already exists: this spec was applied before (revert its batches,"
                + " or delete the branch, or use a new spec id)"));
      }
      DteEngine.Planned planned = DteEngine.plan(spec, root, false);
      List<String> changed = planned.preview().patches();
      git.checkout().setCreateBranch(true).setName(branch).call();
      List<DtePreview.Batch> commits = new ArrayList<>();
      int total = (changed.size() + batchSize - 1) / batchSize;
      for (int start = 0, n = 1; start < changed.size(); start += batchSize, n++) {
        List<String> files = changed.subList(start, Math.min(changed.size(), start + batchSize));
        commits.add(commitBatch(git, root, spec, planned, files, n, total));
      }
      return planned.preview().withBatches(new DtePreview.Batches(branch, base, List.copyOf(commits)));
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /**
   * Applies batch {@code n} (from 1) of the spec as one commit on {@code atomic/<id>}, planned
   * on the tree the first batch started from, so every batch sees the same plan. Idempotent: a
   * batch that is already committed is returned as it is. This is what a mission's execute
   * step calls, one batch per activity.
   */
  public static DtePreview.Batch applyBatch(ChangeSpec spec, Path root, int n, int batchSize) {
    if (n < 1 || batchSize < 1) {
      throw DteException.invalid("batch number and batchSize must be at least 1");
    }
    String id = "batch-" + n;
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      String branch = branchOf(spec);
      boolean exists = repo.findRef("refs/heads/" + branch) != null;
      if (exists && !branch.equals(repo.getBranch())) {
        git.checkout().setName(branch).call();
      }
      Optional<RevCommit> done = exists ? find(repo, spec.id(), id) : Optional.empty();
      if (done.isPresent()) {
        return new DtePreview.Batch(id, done.get().getName(), files(done.get()), revertConflicts(repo, done.get()).isEmpty());
      }
      requireClean(git);
      String baseCommit = exists ? firstBatchParent(repo, spec.id()) : repo.resolve("HEAD").getName();
      if (!exists) {
        git.checkout().setCreateBranch(true).setName(branch).call();
      }
      Path snapshot = Files.createTempDirectory("atomic-base");
      try {
        materialize(repo, baseCommit, snapshot);
        DteEngine.Planned planned = DteEngine.plan(spec, snapshot, false);
        List<String> changed = planned.preview().patches();
        int total = (changed.size() + batchSize - 1) / batchSize;
        if (n > total) {
          throw DteException.invalid(id + " does not exist: the change has " + total + " batch(es) of " + batchSize);
        }
        List<String> files = changed.subList((n - 1) * batchSize, Math.min(changed.size(), n * batchSize));
        return commitBatch(git, root, spec, planned, files, n, total);
      } finally {
        deleteTree(snapshot);
      }
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /** Writes one batch's files (a moved file's old path goes too) and commits them. */
  private static DtePreview.Batch commitBatch(
      Git git, Path root, ChangeSpec spec, DteEngine.Planned planned, List<String> files, int n, int total)
      throws GitAPIException {
    DteEngine.write(root, planned.contents(), planned.movedFrom(), new TreeSet<>(files));
    List<String> touched = new ArrayList<>();
    for (String file : files) {
      git.add().addFilepattern(file).call();
      touched.add(file);
      String from = planned.movedFrom().get(file);
      if (from != null && !from.equals(file)) {
        git.rm().setCached(true).addFilepattern(from).call();
        touched.add(from);
      }
    }
    RevCommit commit =
        git.commit().setAuthor(DTE).setCommitter(DTE).setSign(false).setMessage(message(spec, n, total, touched)).call();
    return new DtePreview.Batch("batch-" + n, commit.getName(), List.copyOf(touched), true);
  }

  private static String firstBatchParent(Repository repo, String specId) throws IOException, GitAPIException {
    RevCommit first = null;
    try (Git git = new Git(repo)) {
      for (RevCommit commit : git.log().call()) {
        if (specId.equals(trailer(commit, SPEC_TRAILER)) && trailer(commit, BATCH_TRAILER) != null) {
          first = commit;
        }
      }
    }
    return first == null ? repo.resolve("HEAD").getName() : first.getParent(0).getName();
  }

  /** Writes the files of a commit into an empty directory. */
  private static void materialize(Repository repo, String commitId, Path target) throws IOException {
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(repo.resolve(commitId)).getTree());
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

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * Reverts one batch with a new commit on the spec's branch.
   *
   * @throws DteException REFUSED naming the conflicting files when the revert does not apply
   *     cleanly; nothing is changed then
   */
  public static String revert(Path root, String specId, String batchId) {
    try (Git git = Git.open(root.toFile())) {
      Repository repo = git.getRepository();
      String branch = "atomic/" + specId;
      if (!branch.equals(repo.getBranch())) {
        throw DteException.refused(List.of("check out " + branch + " first (the working tree is on " + repo.getBranch() + ")"));
      }
      requireClean(git);
      RevCommit commit = find(repo, specId, batchId)
          .orElseThrow(() -> DteException.invalid("no " + batchId + " of " + specId + " on " + branch));
      List<String> conflicts = revertConflicts(repo, commit);
      if (!conflicts.isEmpty()) {
        List<String> reasons = new ArrayList<>();
        reasons.add(batchId + " is not reversible any more: its revert conflicts in " + conflicts.size() + " file(s); nothing was changed");
        reasons.addAll(conflicts);
        throw DteException.refused(reasons);
      }
      RevCommit reverted = git.revert().include(commit).call();
      if (reverted == null) {
        throw DteException.refused(List.of("git could not revert " + batchId));
      }
      return reverted.getName();
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /** Whether each batch of the spec would revert cleanly on the branch as it is now. */
  public static List<DtePreview.Batch> status(Path root, String specId) {
    try (Git git = Git.open(root.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
      Repository repo = git.getRepository();
      ObjectId tip = repo.resolve("refs/heads/atomic/" + specId);
      if (tip == null) {
        return List.of();
      }
      List<DtePreview.Batch> batches = new ArrayList<>();
      for (RevCommit commit : git.log().add(tip).call()) {
        String batch = trailer(commit, BATCH_TRAILER);
        if (batch != null && specId.equals(trailer(commit, SPEC_TRAILER))) {
          batches.add(0, new DtePreview.Batch(batch, commit.getName(), files(commit), revertConflicts(repo, commit).isEmpty()));
        }
      }
      return batches;
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  private static List<String> revertConflicts(Repository repo, RevCommit commit) throws IOException {
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

  private static Optional<RevCommit> find(Repository repo, String specId, String batchId) throws IOException, GitAPIException {
    try (Git git = new Git(repo)) {
      for (RevCommit commit : git.log().call()) {
        if (batchId.equals(trailer(commit, BATCH_TRAILER)) && specId.equals(trailer(commit, SPEC_TRAILER))) {
          return Optional.of(commit);
        }
      }
    }
    return Optional.empty();
  }

  private static String trailer(RevCommit commit, String name) {
    for (String line : commit.getFullMessage().split("\n")) {
      if (line.startsWith(name)) {
        return line.substring(name.length()).strip();
      }
    }
    return null;
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

  private static String message(ChangeSpec spec, int n, int total, List<String> files) {
    StringBuilder message = new StringBuilder();
    message.append(spec.id()).append(" batch ").append(n).append('/').append(total).append(": ").append(spec.intent()).append("\n\n");
    files.forEach(f -> message.append("- ").append(f).append('\n'));
    message.append('\n').append(SPEC_TRAILER).append(spec.id()).append('\n');
    message.append(BATCH_TRAILER).append("batch-").append(n).append('\n');
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
