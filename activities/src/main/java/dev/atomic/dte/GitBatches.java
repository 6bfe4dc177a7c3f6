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
        String id = "batch-" + n;
        RevCommit commit =
            git.commit()
                .setAuthor(DTE)
                .setCommitter(DTE)
                .setSign(false)
                .setMessage(message(spec, n, total, touched))
                .call();
        commits.add(new DtePreview.Batch(id, commit.getName(), List.copyOf(touched), true));
      }
      return planned.preview().withBatches(new DtePreview.Batches(branch, base, List.copyOf(commits)));
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
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
