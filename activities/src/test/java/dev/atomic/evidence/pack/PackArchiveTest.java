package dev.atomic.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.pack.VerificationReport.Check;
import dev.atomic.evidence.pack.VerificationReport.Status;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a pack never trusts the archive: names, counts and sizes are checked first. */
class PackArchiveTest {

  private static final byte[] PACK =
      new AuditPackWriter(SigningKeys.generate())
          .write(Packs.contents(Packs.missionEvents()).build());

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "../evil.sh            | climbs out of the pack",
        "diffs/../../evil.sh   | climbs out of the pack",
        "/etc/cron.d/evil      | is an absolute path",
        "diffs\\..\\evil.sh    | contains a backslash",
        "C:/Windows/evil.dll   | contains a colon",
        "diffs//batch-1.diff   | has an empty or '.' path segment"
      })
  void refusesEntriesThatCouldEscapeOnExtraction(String name, String problem) {
    byte[] hostile =
        Packs.edit(PACK, entries -> entries.put(name, "x".getBytes(StandardCharsets.UTF_8)));

    VerificationReport report = new AuditPackVerifier().verify(hostile);

    assertThat(report.checks().get(0))
        .extracting(Check::name, Check::status)
        .containsExactly("archive", Status.FAILED);
    assertThat(report.checks().get(0).message()).contains(name).contains(problem);
    assertThat(report.checks().subList(1, report.checks().size()))
        .extracting(Check::status)
        .containsOnly(Status.SKIPPED);
  }

  @Test
  void refusesAnEntryNameThatAppearsTwice() {
    // Two entries of equal length, then the second renamed to the first in every header.
    byte[] zip = Packs.zip(Map.of("a.txt", new byte[] {1}, "b.txt", new byte[] {2}));
    byte[] duplicated =
        new String(zip, StandardCharsets.ISO_8859_1)
            .replace("b.txt", "a.txt")
            .getBytes(StandardCharsets.ISO_8859_1);

    VerificationReport report = new AuditPackVerifier().verify(duplicated);

    assertThat(report.firstFailure().orElseThrow().message())
        .isEqualTo("entry \"a.txt\" appears more than once");
  }

  @Test
  void refusesMoreEntriesThanTheLimit() {
    VerificationReport report =
        new AuditPackVerifier(5, AuditPackVerifier.DEFAULT_MAX_TOTAL_BYTES).verify(PACK);

    assertThat(report.firstFailure().orElseThrow().message())
        .isEqualTo("the archive has 11 entries, more than the limit of 5");
  }

  @Test
  void refusesMoreUncompressedBytesThanTheLimit() {
    byte[] bomb = Packs.zip(Map.of("events.jsonl", new byte[5_000_000]));

    VerificationReport report = new AuditPackVerifier(100, 1_000_000).verify(bomb);

    assertThat(bomb.length).isLessThan(10_000);
    assertThat(report.firstFailure().orElseThrow().message())
        .isEqualTo("the archive holds more than the limit of 1000000 bytes uncompressed");
  }

  @Test
  void saysWhenTheFileIsNoZipAtAll() {
    VerificationReport report =
        new AuditPackVerifier().verify("{\"not\":\"a zip\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(report.firstFailure().orElseThrow().message())
        .startsWith("not a readable ZIP archive");
  }
}
