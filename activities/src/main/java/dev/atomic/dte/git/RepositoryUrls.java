package dev.atomic.dte.git;

import dev.atomic.dte.DteException;
import dev.atomic.dte.WorkingDirectories;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Which repository URLs Atomic works on: {@code https://}, or {@code file://} URLs and paths of
 * directories under the allowed roots. Checked where a mission is created and again on the workers
 * that clone.
 */
public final class RepositoryUrls {

  private final WorkingDirectories allowedRoots;

  /**
   * @param allowedRoots where local repositories may lie; null allows any
   */
  public RepositoryUrls(WorkingDirectories allowedRoots) {
    this.allowedRoots = allowedRoots;
  }

  /**
   * The URL a mission may target: {@code https://}, or a {@code file://} URL or path of a directory
   * under the allowed roots.
   *
   * @throws DteException INVALID naming what is wrong
   */
  public String normalize(String url) {
    if (url == null || url.isBlank()) {
      throw DteException.invalid("repository.url: required");
    }
    String text = url.strip();
    if (text.startsWith("https://")) {
      if (validate(text).getRawUserInfo() != null) {
        // A URL is stored with the mission and its evidence: credentials never go there.
        throw DteException.invalid(
            "repository.url: carries credentials; give them to the workers as ATOMIC_GIT_USERNAME and"
                + " ATOMIC_GIT_TOKEN (a Secret in Helm) and use the plain URL");
      }
      return text;
    }
    Path local;
    try {
      local = text.startsWith("file:") ? Path.of(URI.create(text)) : Path.of(text);
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      throw DteException.invalid(
          "repository.url: neither an https:// URL nor a local path: " + url);
    }
    if (allowedRoots != null) {
      try {
        local = allowedRoots.require(local.toAbsolutePath().toString());
      } catch (DteException e) {
        throw DteException.invalid(
            "repository.url: " + e.getMessage().replaceFirst("^workingDir: ", ""));
      }
    }
    return local.toAbsolutePath().normalize().toUri().toString();
  }

  /** A {@code file://} or {@code https://} URL. */
  static URI validate(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw DteException.invalid("repository: not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("file") && !scheme.equals("https")) {
      throw DteException.invalid(
          "repository: only file:// and https:// URLs are accepted, got " + url);
    }
    return uri;
  }
}
