package dev.atomic.dte.git;

import dev.atomic.dte.DteException;
import dev.atomic.dte.WorkingDirectories;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Local clones of the repositories DTE jobs name by URL ({@code file://} or {@code https://}), kept
 * under a cache directory. A job works on a fresh clone of the base ref and pushes its {@code
 * atomic/<spec id>} branch back; the base branch is never written, nothing is forced.
 */
public final class Repositories {

  private final Path cache;
  private final WorkingDirectories allowedRoots;
  private final CredentialsProvider credentials;

  public Repositories(Path cache) {
    this(cache, null, null);
  }

  /**
   * @param allowedRoots where local repositories ({@code file://} URLs and paths) may lie; null
   *     allows any
   * @param credentials for private {@code https://} remotes; null for none
   */
  public Repositories(
      Path cache, WorkingDirectories allowedRoots, CredentialsProvider credentials) {
    this.cache = cache;
    this.allowedRoots = allowedRoots;
    this.credentials = credentials;
  }

  /** The URL a mission may target, checked against this worker's allowed roots. */
  public String normalize(String url) {
    return new RepositoryUrls(allowedRoots).normalize(url);
  }

  /**
   * The mission's own working clone, fetched from the origin so it holds every branch the origin
   * has; created on first use. Any worker can continue a mission: the origin is the truth.
   */
  public Path missionClone(String url, String missionId) {
    URI uri = RepositoryUrls.validate(url);
    Path target = cache.resolve("missions").resolve(missionId.replaceAll("[^A-Za-z0-9_-]", "_"));
    try {
      if (Files.isDirectory(target.resolve(".git"))) {
        try (Git git = Git.open(target.toFile())) {
          git.fetch()
              .setRemote("origin")
              .setCredentialsProvider(credentials)
              .setRemoveDeletedRefs(true)
              .call();
          return target;
        } catch (IOException | GitAPIException e) {
          GitBatches.deleteTree(target); // a broken clone is made again
        }
      }
      Files.createDirectories(target.getParent());
      try (Git git =
          Git.cloneRepository()
              .setURI(uri.toString())
              .setDirectory(target.toFile())
              .setCredentialsProvider(credentials)
              .setNoCheckout(false)
              .call()) {
        return target;
      }
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(
          List.of("cannot clone " + redact(url) + ": " + redact(e.getMessage())));
    }
  }

  /**
   * The commit {@code ref} names at the origin (a branch or tag; null for the origin's default
   * branch), fetched into {@code clone}.
   */
  public String resolve(Path clone, String ref) {
    try (Git git = Git.open(clone.toFile())) {
      Repository repo = git.getRepository();
      ObjectId id =
          ref == null || ref.isBlank()
              ? repo.resolve("refs/remotes/origin/HEAD")
              : firstNonNull(
                  repo.resolve("refs/remotes/origin/" + ref), repo.resolve("refs/tags/" + ref));
      if (id == null && (ref == null || ref.isBlank())) {
        id = repo.resolve("HEAD");
      }
      if (id == null) {
        throw DteException.invalid("repository.ref: no branch or tag '" + ref + "' at the origin");
      }
      return id.getName();
    } catch (IOException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /**
   * Checks out {@code branch} in the clone exactly as the origin has it, or at {@code baseCommit}
   * when the origin does not have it yet; local changes and unpushed commits of an earlier attempt
   * are dropped.
   */
  public void checkoutBranch(Path clone, String branch, String baseCommit) {
    try (Git git = Git.open(clone.toFile())) {
      Repository repo = git.getRepository();
      ObjectId remote = repo.resolve("refs/remotes/origin/" + branch);
      String start = remote != null ? remote.getName() : baseCommit;
      git.reset().setMode(ResetCommand.ResetType.HARD).call();
      git.clean().setCleanDirectories(true).setForce(true).call();
      if (repo.findRef("refs/heads/" + branch) == null) {
        git.checkout().setName(branch).setCreateBranch(true).setStartPoint(start).call();
      } else {
        git.checkout().setName(branch).setForced(true).call();
        if (start != null) {
          git.reset().setMode(ResetCommand.ResetType.HARD).setRef(start).call();
        }
      }
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  /** Checks out {@code commit} (detached) in the clone, with no local change left. */
  public void checkoutCommit(Path clone, String commit) {
    try (Git git = Git.open(clone.toFile())) {
      git.reset().setMode(ResetCommand.ResetType.HARD).call();
      git.clean().setCleanDirectories(true).setForce(true).call();
      git.checkout().setName(commit).setForced(true).call();
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("git: " + e.getMessage()));
    }
  }

  private static ObjectId firstNonNull(ObjectId a, ObjectId b) {
    return a != null ? a : b;
  }

  /** A URL or message without the user info a URL may carry. */
  static String redact(String text) {
    return text == null ? null : text.replaceAll("(https?://)[^/@\\s]+@", "$1***@");
  }

  /** A fresh working tree of {@code url} at {@code ref} (a branch, default the remote's HEAD). */
  public Path checkout(String url, String ref) {
    URI uri = RepositoryUrls.validate(url);
    Path target = cache.resolve(digest(url + "#" + ref + "#" + System.nanoTime()));
    try {
      Files.createDirectories(cache);
      var clone = Git.cloneRepository().setURI(uri.toString()).setDirectory(target.toFile());
      if (ref != null && !ref.isBlank()) {
        clone.setBranch(ref);
      }
      try (Git git = clone.call()) {
        return target;
      }
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(
          List.of(
              "cannot clone " + url + (ref == null ? "" : " at " + ref) + ": " + e.getMessage()));
    }
  }

  /** Pushes the spec's branch back to the repository it was cloned from. */
  public String push(Path workingTree, String branch) {
    try (Git git = Git.open(workingTree.toFile())) {
      for (PushResult result :
          git.push()
              .setCredentialsProvider(credentials)
              .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch))
              .setForce(false)
              .call()) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          if (update.getStatus() != RemoteRefUpdate.Status.OK
              && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
            throw DteException.refused(
                List.of(
                    "push of "
                        + branch
                        + " was refused: "
                        + update.getStatus()
                        + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")")));
          }
        }
      }
      return branch;
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("cannot push " + branch + ": " + e.getMessage()));
    }
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
