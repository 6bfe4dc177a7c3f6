package dev.atomic.dte;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Local clones of the repositories DTE jobs name by URL ({@code file://} or {@code https://}),
 * kept under a cache directory. A job works on a fresh clone of the base ref and pushes its
 * {@code atomic/<spec id>} branch back; the base branch is never written, nothing is forced.
 */
public final class Repositories {

  private final Path cache;

  public Repositories(Path cache) {
    this.cache = cache;
  }

  /** A fresh working tree of {@code url} at {@code ref} (a branch, default the remote's HEAD). */
  public Path checkout(String url, String ref) {
    URI uri = validate(url);
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
      throw DteException.refused(List.of("cannot clone " + url + (ref == null ? "" : " at " + ref) + ": " + e.getMessage()));
    }
  }

  /** Pushes the spec's branch back to the repository it was cloned from. */
  public String push(Path workingTree, String branch) {
    try (Git git = Git.open(workingTree.toFile())) {
      for (PushResult result : git.push().setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).setForce(false).call()) {
        for (RemoteRefUpdate update : result.getRemoteUpdates()) {
          if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
            throw DteException.refused(List.of("push of " + branch + " was refused: " + update.getStatus()
                + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")")));
          }
        }
      }
      return branch;
    } catch (IOException | GitAPIException e) {
      throw DteException.refused(List.of("cannot push " + branch + ": " + e.getMessage()));
    }
  }

  private static URI validate(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw DteException.invalid("repository: not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("file") && !scheme.equals("https")) {
      throw DteException.invalid("repository: only file:// and https:// URLs are accepted, got " + url);
    }
    return uri;
  }

  private static String digest(String text) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
