package dev.atomic.dte.java;

import dev.atomic.evidence.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signature stubs already written, by path and content, so that an engine writes each file's stub
 * once for every patch and job on the same contents (a spec's later patches, a mission's batches
 * and verification). Holds digests, not sources; bounded to the most recent files.
 */
public final class StubCache {

  private static final int FILES = 10_000;

  /** {@code digest}: SHA-256 of the content, so the cache holds no source text. */
  private record Entry(
      String digest, String stub, String packagePath, String problem, boolean misnamed) {}

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > FILES;
        }
      };

  /** The stubs of {@code sources}, writing only those not known for these contents. */
  synchronized SignatureStubs.Result of(Map<String, String> sources) {
    Map<String, String> missing = new TreeMap<>();
    sources.forEach(
        (path, content) -> {
          Entry known = entries.get(path);
          if (known == null || !known.digest().equals(Sha256.hex(content))) {
            missing.put(path, content);
          }
        });
    if (!missing.isEmpty()) {
      SignatureStubs.Result written = SignatureStubs.of(missing);
      missing.forEach(
          (path, content) ->
              entries.put(
                  path,
                  new Entry(
                      Sha256.hex(content),
                      written.stubs().get(path),
                      written.packagePaths().get(path),
                      written.unparsable().get(path),
                      written.misnamed().contains(path))));
    }
    Map<String, String> stubs = new TreeMap<>();
    Map<String, String> unparsable = new TreeMap<>();
    Map<String, String> packagePaths = new TreeMap<>();
    java.util.Set<String> misnamed = new java.util.TreeSet<>();
    sources
        .keySet()
        .forEach(
            path -> {
              Entry entry = entries.get(path);
              if (entry == null) {
                return;
              }
              if (entry.problem() != null) {
                unparsable.put(path, entry.problem());
              } else if (entry.stub() != null) {
                stubs.put(path, entry.stub());
                packagePaths.put(path, entry.packagePath());
                if (entry.misnamed()) {
                  misnamed.add(path);
                }
              }
            });
    return new SignatureStubs.Result(stubs, unparsable, packagePaths, misnamed);
  }
}
