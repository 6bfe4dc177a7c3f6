package dev.atomic.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.pack.VerificationReport.Check;
import dev.atomic.evidence.pack.VerificationReport.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A real written pack, altered in every way an auditor must notice. */
class AuditPackTamperTest {

  private static final SigningKey KEY =
      SigningKeys.fromPrivateKeyPem(SigningKeysTest.rfc8032PrivateKeyPem());
  private static final byte[] PACK =
      new AuditPackWriter(KEY).write(Packs.contents(Packs.missionEvents()).build());

  private final AuditPackVerifier verifier = new AuditPackVerifier();

  @Test
  void passesEveryCheckOnAnUntouchedPack() {
    VerificationReport report = verifier.verify(PACK, KEY.publicKey());

    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(report.checks())
        .extracting(Check::name)
        .containsExactly(
            "archive",
            "manifest",
            "public key",
            "signature",
            "statement",
            "files",
            "contents",
            "events",
            "approvals");
    assertThat(report.checks()).extracting(Check::status).containsOnly(Status.PASSED);
    assertThat(report.toText()).contains("audit pack verified").contains("10 events");
  }

  @Test
  void verifiesAPackFileWithTheKeyFromAPemFile(@TempDir Path dir) throws Exception {
    Path pack = Files.write(dir.resolve("audit-pack.zip"), PACK);
    Path pem = Files.writeString(dir.resolve("pub.pem"), KEY.publicKeyPem());

    VerificationReport report =
        verifier.verify(pack, SigningKeys.publicKeyFromPem(Files.readString(pem)));

    assertThat(report.ok()).as(report.toText()).isTrue();
  }

  @Test
  void catchesAnEditedEventEvenWhenThePackIsResigned() {
    List<ChainedEvent> events = Packs.missionEvents();
    ChainedEvent approval = events.get(5);
    events.set(
        5,
        new ChainedEvent(
            approval.id(),
            approval.stream(),
            approval.seq(),
            approval.missionId(),
            approval.type(),
            approval.timestamp(),
            "mallory",
            approval.data(),
            approval.prevHash(),
            approval.hash()));

    VerificationReport report = resigned(events);

    assertFirstFailure(
        report, "events", "events.jsonl: event EVT-M-7-6: hash mismatch (data changed?)");
  }

  @Test
  void catchesAnEditedEventInsideThePack() {
    byte[] edited =
        Packs.edit(
            PACK,
            entries ->
                entries.put(
                    "events.jsonl",
                    new String(entries.get("events.jsonl"), StandardCharsets.UTF_8)
                        .replace("\"scope ok\"", "\"scope not ok\"")
                        .getBytes(StandardCharsets.UTF_8)));

    VerificationReport report = verifier.verify(edited);

    assertFirstFailure(report, "files", "events.jsonl: sha256 mismatch");
    assertThat(check(report, "events").message())
        .isEqualTo("events.jsonl: event EVT-M-7-3: hash mismatch (data changed?)");
    assertThat(check(report, "approvals").status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void catchesADroppedEvent() {
    List<ChainedEvent> events = Packs.missionEvents();
    events.remove(3);

    assertFirstFailure(
        resigned(events),
        "events",
        "events.jsonl: event seq 4 missing in stream M-7 (next is EVT-M-7-5)");
  }

  @Test
  void catchesReorderedEvents() {
    List<ChainedEvent> events = Packs.missionEvents();
    events.add(6, events.remove(7));

    assertFirstFailure(
        resigned(events),
        "events",
        "events.jsonl: events out of order at EVT-M-7-8: seq 8 comes before seq 7");
  }

  @Test
  void catchesAPackSignedWithAnotherKeyWhenTheAuditorGivesTheRealOne() {
    SigningKey other = SigningKeys.generate();
    byte[] forged = new AuditPackWriter(other).write(Packs.contents(Packs.missionEvents()).build());

    VerificationReport report = verifier.verify(forged, KEY.publicKey());

    assertFirstFailure(
        report,
        "public key",
        "public-key.pem does not match the given key (key id "
            + other.keyId()
            + ", given "
            + KEY.keyId()
            + ")");
    assertThat(check(report, "signature").status()).isEqualTo(Status.FAILED);
    // Without the auditor's key the forgery is internally consistent; only its key id differs.
    VerificationReport embeddedOnly = verifier.verify(forged);
    assertThat(embeddedOnly.ok()).isTrue();
    assertThat(check(embeddedOnly, "public key").message())
        .contains(other.keyId())
        .doesNotContain(KEY.keyId());
  }

  @Test
  void catchesAManifestSignedWithAnotherKeyBehindTheOriginalPublicKey() {
    byte[] forged =
        new AuditPackWriter(SigningKeys.generate())
            .write(Packs.contents(Packs.missionEvents()).build());
    byte[] swapped =
        Packs.edit(
            forged,
            entries -> entries.put("public-key.pem", Packs.entries(PACK).get("public-key.pem")));

    VerificationReport report = verifier.verify(swapped);

    assertFirstFailure(report, "signature", "manifest.json is signed by key id ");
    assertThat(report.firstFailure().orElseThrow().message())
        .endsWith("not by public-key.pem (key id " + KEY.keyId() + ")");
  }

  @Test
  void catchesASignatureRelabelledWithTheOriginalKeyId() {
    byte[] forged =
        new AuditPackWriter(SigningKeys.generate())
            .write(Packs.contents(Packs.missionEvents()).build());
    byte[] relabelled =
        Packs.edit(
            forged,
            entries -> {
              String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
              String forgedId = manifest.replaceAll("(?s).*\"keyid\" : \"([0-9a-f]{64})\".*", "$1");
              entries.put(
                  "manifest.json",
                  manifest.replace(forgedId, KEY.keyId()).getBytes(StandardCharsets.UTF_8));
              entries.put("public-key.pem", Packs.entries(PACK).get("public-key.pem"));
            });

    assertFirstFailure(
        verifier.verify(relabelled, KEY.publicKey()),
        "signature",
        "manifest.json: the signature does not verify with the given key (key id "
            + KEY.keyId()
            + ")");
  }

  @Test
  void catchesAnAddedFile() {
    byte[] extended =
        Packs.edit(
            PACK,
            entries -> entries.put("notes/extra.txt", "trust me".getBytes(StandardCharsets.UTF_8)));

    assertFirstFailure(
        verifier.verify(extended),
        "files",
        "notes/extra.txt is in the pack but not listed in the manifest");
  }

  @Test
  void catchesARemovedFile() {
    byte[] reduced = Packs.edit(PACK, entries -> entries.remove("verification.json"));

    assertFirstFailure(
        verifier.verify(reduced),
        "files",
        "verification.json is listed in the manifest but missing from the pack");
  }

  @Test
  void catchesARemovedPublicKey() {
    byte[] reduced = Packs.edit(PACK, entries -> entries.remove("public-key.pem"));

    VerificationReport report = verifier.verify(reduced);

    assertFirstFailure(report, "public key", "public-key.pem is missing from the pack");
    assertThat(check(report, "signature").status()).isEqualTo(Status.SKIPPED);
  }

  static Stream<String> everyFile() {
    return Packs.entries(PACK).keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("everyFile")
  void catchesOneChangedByteInAnyFile(String name) {
    byte[] altered =
        Packs.edit(
            PACK,
            entries -> {
              byte[] content = entries.get(name).clone();
              content[content.length / 2] ^= 0x01;
              entries.put(name, content);
            });

    VerificationReport report = verifier.verify(altered);

    assertThat(report.ok()).isFalse();
    assertThat(report.firstFailure().orElseThrow().message()).as(report.toText()).contains(name);
  }

  @Test
  void catchesApprovalsThatNameAnotherApprover() {
    List<ApprovalRecord> approvals = new ArrayList<>(Approvals.fromEvents(Packs.missionEvents()));
    ApprovalRecord plan = approvals.get(0);
    approvals.set(
        0,
        new ApprovalRecord(
            plan.checkpoint(), "mallory", plan.at(), plan.decision(), plan.comment()));

    VerificationReport report =
        verifier.verify(
            new AuditPackWriter(KEY)
                .write(Packs.contents(Packs.missionEvents(), approvals).build()));

    assertFirstFailure(
        report,
        "approvals",
        "approvals.json entry 1 (plan approved by mallory): by differs from event EVT-M-7-3"
            + " (\"mallory\" vs \"bob\")");
  }

  @Test
  void catchesApprovalsThatLeaveADecisionOut() {
    List<ApprovalRecord> approvals = Approvals.fromEvents(Packs.missionEvents()).subList(0, 2);

    VerificationReport report =
        verifier.verify(
            new AuditPackWriter(KEY)
                .write(Packs.contents(Packs.missionEvents(), approvals).build()));

    assertFirstFailure(
        report,
        "approvals",
        "approvals.json lacks the decision of event EVT-M-7-9 (finalize approved by carol)");
  }

  @Test
  void catchesApprovalsWithADecisionNoEventRecords() {
    List<ApprovalRecord> approvals = new ArrayList<>(Approvals.fromEvents(Packs.missionEvents()));
    approvals.add(new ApprovalRecord("verify", "dave", "2026-11-28T11:52:00Z", "approved", null));

    VerificationReport report =
        verifier.verify(
            new AuditPackWriter(KEY)
                .write(Packs.contents(Packs.missionEvents(), approvals).build()));

    assertFirstFailure(
        report,
        "approvals",
        "approvals.json entry 4 (verify approved by dave) matches no CheckpointApproved or"
            + " CheckpointRejected event");
  }

  @Test
  void requiresEveryExpectedFileOrAReasonForItsAbsence() {
    Map<String, byte[]> withoutFinops =
        new LinkedHashMap<>(Packs.contents(Packs.missionEvents()).build().files());
    withoutFinops.remove("finops.json");
    AuditPackContents contents =
        new AuditPackContents(
            Packs.MISSION,
            Packs.CREATED_AT,
            "0.1.0-test",
            new TreeMap<>(withoutFinops),
            List.of(new AbsentFile("mutation.json", "not run")));

    assertFirstFailure(
        verifier.verify(new AuditPackWriter(KEY).write(contents)),
        "contents",
        "finops.json is neither in the pack nor declared absent");
  }

  private VerificationReport resigned(List<ChainedEvent> events) {
    // Whoever holds the signing key can re-sign anything; the hash chain must still tell.
    return verifier.verify(
        new AuditPackWriter(KEY)
            .write(Packs.contents(events, Approvals.fromEvents(Packs.missionEvents())).build()),
        KEY.publicKey());
  }

  private static void assertFirstFailure(
      VerificationReport report, String check, String messageStart) {
    assertThat(report.ok()).as(report.toText()).isFalse();
    Check failure = report.firstFailure().orElseThrow();
    assertThat(failure.name()).as(report.toText()).isEqualTo(check);
    assertThat(failure.message()).as(report.toText()).startsWith(messageStart);
  }

  private static Check check(VerificationReport report, String name) {
    return report.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }
}
