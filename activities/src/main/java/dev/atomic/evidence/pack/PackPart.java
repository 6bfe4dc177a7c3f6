package dev.atomic.evidence.pack;

import java.util.Optional;

/**
 * One file of a pack that comes from outside the event chain (the ChangeSpec, the Temporal history,
 * the FinOps summary): its content, or why the pack has none.
 */
public final class PackPart {

  private final byte[] content;
  private final String absentReason;

  private PackPart(byte[] content, String absentReason) {
    this.content = content;
    this.absentReason = absentReason;
  }

  public static PackPart present(byte[] content) {
    if (content == null) {
      throw new IllegalArgumentException("a present part needs content");
    }
    return new PackPart(content.clone(), null);
  }

  /** A part the pack declares absent, with the reason the manifest states. */
  public static PackPart absent(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an absent part needs a reason");
    }
    return new PackPart(null, reason);
  }

  public Optional<byte[]> content() {
    return Optional.ofNullable(content).map(byte[]::clone);
  }

  /** The reason, when absent. */
  public String absentReason() {
    return absentReason;
  }

  /** Adds this part to {@code pack} as {@code name}: the file, or its absence. */
  void addTo(AuditPackContents.Builder pack, String name) {
    if (content != null) {
      pack.file(name, content);
    } else {
      pack.absent(name, absentReason);
    }
  }
}
