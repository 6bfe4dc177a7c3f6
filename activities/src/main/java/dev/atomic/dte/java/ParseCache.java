package dev.atomic.dte.java;

import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openrewrite.SourceFile;

/**
 * Reuses parses of unchanged trees between plan, preview, apply and verify in one process (a worker
 * serving a mission parses its tree once, not once per batch). Syntax trees are immutable, so
 * sharing them is safe. Entries are keyed by a digest of every path and content and of the
 * classpath they were typed against (each entry's path, size and modification time), the last few
 * are kept, and each is held softly, so memory pressure drops it.
 */
public final class ParseCache {

  private static final int ENTRIES = 4;

  private final boolean enabled;
  private final Map<String, SoftReference<List<SourceFile>>> recent =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
            Map.Entry<String, SoftReference<List<SourceFile>>> eldest) {
          return size() > ENTRIES;
        }
      };

  public ParseCache(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean enabled() {
    return enabled;
  }

  List<SourceFile> lookup(Map<String, String> inputs, List<Path> classpath) {
    if (!enabled) {
      return null;
    }
    synchronized (recent) {
      SoftReference<List<SourceFile>> entry = recent.get(key(inputs, classpath));
      return entry == null ? null : entry.get();
    }
  }

  void store(Map<String, String> inputs, List<Path> classpath, List<SourceFile> sources) {
    if (enabled) {
      synchronized (recent) {
        recent.put(key(inputs, classpath), new SoftReference<>(List.copyOf(sources)));
      }
    }
  }

  private static String key(Map<String, String> inputs, List<Path> classpath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(inputs)
          .forEach(
              (path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
              });
      for (Path entry : classpath) {
        digest.update((byte) 1);
        digest.update(entry.toString().getBytes(StandardCharsets.UTF_8));
        try {
          digest.update(
              (Files.size(entry) + "/" + Files.getLastModifiedTime(entry).toMillis())
                  .getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
          digest.update((byte) 2); // missing: still a distinct key
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
