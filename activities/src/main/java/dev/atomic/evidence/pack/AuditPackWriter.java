package dev.atomic.evidence.pack;

import dev.atomic.evidence.EvidenceTuning;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes audit packs: a ZIP with the given files, {@code manifest.json} (a DSSE envelope around the
 * in-toto Statement {@link PackStatement}, signed with Ed25519 over the DSSE pre-authentication
 * encoding) and {@code public-key.pem}. The same contents, key and compression level give the same
 * bytes.
 */
public final class AuditPackWriter {

  private final SigningKey key;
  private final int compressionLevel;

  /** Packs deflated at {@link EvidenceTuning#DEFAULT_COMPRESSION_LEVEL}. */
  public AuditPackWriter(SigningKey key) {
    this(key, EvidenceTuning.DEFAULT_COMPRESSION_LEVEL);
  }

  /**
   * @param compressionLevel the ZIP's deflate level ({@code EVIDENCE_COMPRESSION_LEVEL}): 0 to 9
   */
  public AuditPackWriter(SigningKey key, int compressionLevel) {
    this.key = key;
    this.compressionLevel =
        new EvidenceTuning(EvidenceTuning.DEFAULT_BATCH_SIZE, compressionLevel).compressionLevel();
  }

  public byte[] write(AuditPackContents contents) {
    byte[] payload = PackStatement.of(contents).toPayload();
    byte[] signature = key.sign(Dsse.pae(PackLayout.PAYLOAD_TYPE, payload));
    Dsse.Envelope envelope =
        new Dsse.Envelope(
            PackLayout.PAYLOAD_TYPE, payload, List.of(new Dsse.Signature(key.keyId(), signature)));
    Map<String, byte[]> entries = new TreeMap<>(contents.files());
    entries.put(PackLayout.MANIFEST, envelope.toJson());
    entries.put(PackLayout.PUBLIC_KEY, key.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    return PackArchive.write(entries, compressionLevel);
  }
}
