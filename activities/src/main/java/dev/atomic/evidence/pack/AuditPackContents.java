package dev.atomic.evidence.pack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What goes into an audit pack: its files by name, the expected files that are absent and why, and
 * the facts the manifest states. {@link #builder} is the usual way to make one.
 *
 * @param createdAt part of the signed manifest; given, not read from a clock, so the same contents
 *     always give the same pack
 * @param files pack file name (a relative path with forward slashes, e.g. {@code
 *     diffs/batch-1.diff}) to content
 */
public record AuditPackContents(
    String missionId,
    Instant createdAt,
    String platformVersion,
    SortedMap<String, byte[]> files,
    List<AbsentFile> absent) {

  public AuditPackContents {
    require(missionId, "missionId");
    if (createdAt == null) {
      throw new IllegalArgumentException("createdAt is required");
    }
    require(platformVersion, "platformVersion");
    files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    absent = List.copyOf(absent);
    for (String name : files.keySet()) {
      String problem = PackArchive.nameProblem(name);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (PackLayout.isEnvelopeFile(name)) {
        throw new IllegalArgumentException(name + " is written by the pack writer itself");
      }
    }
    List<String> absentNames = new ArrayList<>();
    for (AbsentFile file : absent) {
      String bare =
          file.name().endsWith("/")
              ? file.name().substring(0, file.name().length() - 1)
              : file.name();
      String problem = PackArchive.nameProblem(bare);
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      if (files.containsKey(file.name()) || absentNames.contains(file.name())) {
        throw new IllegalArgumentException(
            file.name() + " is both given and declared absent, or declared twice");
      }
      absentNames.add(file.name());
    }
  }

  public static Builder builder(String missionId, Instant createdAt) {
    return new Builder(missionId, createdAt);
  }

  /** Collects files and absences; names are checked when {@link #build()} runs. */
  public static final class Builder {

    private final String missionId;
    private final Instant createdAt;
    private String platformVersion;
    private final SortedMap<String, byte[]> files = new TreeMap<>();
    private final List<AbsentFile> absent = new ArrayList<>();

    private Builder(String missionId, Instant createdAt) {
      this.missionId = missionId;
      this.createdAt = createdAt;
    }

    /** The Atomic version that made the pack, as the manifest states it. */
    public Builder platformVersion(String version) {
      this.platformVersion = version;
      return this;
    }

    public Builder file(String name, byte[] content) {
      files.put(name, content.clone());
      return this;
    }

    public Builder file(String name, String utf8) {
      return file(name, utf8.getBytes(StandardCharsets.UTF_8));
    }

    /** Declares an expected file absent; {@code name} may be {@code diffs/} for all diffs. */
    public Builder absent(String name, String reason) {
      absent.add(new AbsentFile(name, reason));
      return this;
    }

    public AuditPackContents build() {
      return new AuditPackContents(missionId, createdAt, platformVersion, files, absent);
    }
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
