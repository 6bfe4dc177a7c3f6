package dev.atomic.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code EVIDENCE_COMPRESSION_LEVEL} sets how hard a pack is deflated; it verifies at any level.
 */
class PackCompressionTest {

  private final SigningKey key =
      SigningKeys.fromPrivateKeyPem(SigningKeysTest.rfc8032PrivateKeyPem());

  @Test
  void levelZeroStoresTheFilesAndLevelNineMakesTheSmallestPackBothVerify(@TempDir Path dir)
      throws IOException {
    byte[] stored =
        new AuditPackWriter(key, 0).write(Packs.contents(Packs.missionEvents()).build());
    byte[] smallest =
        new AuditPackWriter(key, 9).write(Packs.contents(Packs.missionEvents()).build());

    assertThat(smallest.length).isLessThan(stored.length);
    // Level 0 deflate copies the bytes as they are: no entry comes out smaller than it went in.
    assertThat(entries(dir, stored))
        .allSatisfy(e -> assertThat(e.getCompressedSize()).isGreaterThanOrEqualTo(e.getSize()));
    assertThat(entries(dir, smallest))
        .filteredOn(e -> e.getName().equals("events.jsonl"))
        .singleElement()
        .satisfies(e -> assertThat(e.getCompressedSize()).isLessThan(e.getSize() / 2));
    AuditPackVerifier verifier = new AuditPackVerifier();
    assertThat(verifier.verify(stored, key.publicKey()).ok()).isTrue();
    assertThat(verifier.verify(smallest, key.publicKey()).ok()).isTrue();
    // The same files either way: only their encoding in the ZIP differs.
    var storedFiles = Packs.entries(stored);
    var smallestFiles = Packs.entries(smallest);
    assertThat(storedFiles.keySet()).isEqualTo(smallestFiles.keySet());
    storedFiles.forEach(
        (name, bytes) -> assertThat(smallestFiles.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aLevelOutsideZeroToNineIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> new AuditPackWriter(key, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EVIDENCE_COMPRESSION_LEVEL must be a whole number from 0")
        .hasMessageContaining("(got 10)");
    assertThatThrownBy(() -> new AuditPackWriter(key, -1))
        .hasMessageContaining("EVIDENCE_COMPRESSION_LEVEL");
  }

  private static List<ZipEntry> entries(Path dir, byte[] zip) throws IOException {
    Path file = Files.createTempFile(dir, "pack", ".zip");
    Files.copy(
        new ByteArrayInputStream(zip), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    List<ZipEntry> entries = new ArrayList<>();
    try (ZipFile archive = new ZipFile(file.toFile())) {
      archive.stream().forEach(entries::add);
    }
    return entries;
  }
}
