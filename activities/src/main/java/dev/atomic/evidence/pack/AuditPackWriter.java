package dev.atomic.evidence.pack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes audit packs: a ZIP with the given files, {@code manifest.json} (a DSSE envelope around the
 * in-toto Statement {@link PackStatement}, signed with Ed25519 over the DSSE pre-authentication
 * encoding) and {@code public-key.pem}. The same contents and key give the same bytes.
 */
public final class AuditPackWriter {

  private final SigningKey key;

  public AuditPackWriter(SigningKey key) {
    this.key = key;
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
    return PackArchive.write(entries);
  }
}
