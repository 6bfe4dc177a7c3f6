package dev.atomic.dte;

import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openrewrite.SourceFile;

/**
 * Reuses parses of unchanged trees between plan, preview, apply and verify in one process (a
 * worker serving a mission parses its tree once, not once per batch). On with
 * {@code DTE_CACHE_ENABLED=true}. Syntax trees are immutable, so sharing them is safe. Entries
 * are keyed by a digest of every path and content, the last few are kept, and each is held
 * softly, so memory pressure drops it.
 */
final class ParseCache {

  private static final int ENTRIES = 4;

  private static final Map<String, SoftReference<List<SourceFile>>> RECENT =
      new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SoftReference<List<SourceFile>>> eldest) {
          return size() > ENTRIES;
        }
      };

  static volatile boolean enabled =
      Boolean.parseBoolean(
          System.getenv().getOrDefault("DTE_CACHE_ENABLED", System.getProperty("atomic.dte.cache", "false")));

  private ParseCache() {}

  static List<SourceFile> lookup(Map<String, String> inputs) {
    if (!enabled) {
      return null;
    }
    synchronized (RECENT) {
      SoftReference<List<SourceFile>> entry = RECENT.get(key(inputs));
      return entry == null ? null : entry.get();
    }
  }

  static void store(Map<String, String> inputs, List<SourceFile> sources) {
    if (enabled) {
      synchronized (RECENT) {
        RECENT.put(key(inputs), new SoftReference<>(List.copyOf(sources)));
      }
    }
  }

  private static String key(Map<String, String> inputs) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      new TreeMap<>(inputs).forEach((path, content) -> {
        digest.update(path.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(content.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      });
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
