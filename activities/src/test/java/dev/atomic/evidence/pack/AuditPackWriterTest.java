package dev.atomic.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.evidence.Sha256;
import dev.atomic.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a written pack holds, and that writing it twice gives the same bytes. */
class AuditPackWriterTest {

  private final SigningKey key =
      SigningKeys.fromPrivateKeyPem(SigningKeysTest.rfc8032PrivateKeyPem());
  private final AuditPackWriter writer = new AuditPackWriter(key);

  @Test
  void holdsTheFilesTheManifestAndThePublicKeyInNameOrder() {
    byte[] pack = writer.write(Packs.contents(Packs.missionEvents()).build());

    assertThat(Packs.entries(pack).keySet())
        .containsExactly(
            "approvals.json",
            "changespec.json",
            "diffs/batch-1.diff",
            "events.jsonl",
            "finops.json",
            "history.json",
            "manifest.json",
            "provenance.json",
            "public-key.pem",
            "verification.json",
            "versions.json");
    assertThat(new String(Packs.entries(pack).get("public-key.pem"), StandardCharsets.US_ASCII))
        .isEqualTo(key.publicKeyPem());
  }

  @Test
  void signsAnInTotoStatementListingEveryFileAndEachAbsence() {
    Map<String, byte[]> entries =
        Packs.entries(writer.write(Packs.contents(Packs.missionEvents()).build()));

    JsonNode envelope =
        Json.read(new String(entries.get("manifest.json"), StandardCharsets.UTF_8), JsonNode.class);
    assertThat(envelope.get("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
    assertThat(envelope.at("/signatures/0/keyid").asText()).isEqualTo(key.keyId());
    JsonNode statement =
        Json.read(
            new String(
                Base64.getDecoder().decode(envelope.get("payload").asText()),
                StandardCharsets.UTF_8),
            JsonNode.class);
    assertThat(statement.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
    assertThat(statement.get("predicateType").asText())
        .isEqualTo("https://atomic.dev/audit-pack/v1");
    assertThat(statement.get("subject")).hasSize(9);
    assertThat(statement.get("subject"))
        .allSatisfy(
            s ->
                assertThat(s.at("/digest/sha256").asText())
                    .isEqualTo(Sha256.hex(entries.get(s.get("name").asText()))));
    assertThat(statement.at("/predicate/missionId").asText()).isEqualTo("M-7");
    assertThat(statement.at("/predicate/createdAt").asText()).isEqualTo("2026-11-28T12:00:00Z");
    assertThat(statement.at("/predicate/platformVersion").asText()).isEqualTo("0.1.0-test");
    assertThat(statement.at("/predicate/absent/0/name").asText()).isEqualTo("mutation.json");
    assertThat(statement.at("/predicate/absent/0/reason").asText()).contains("not run");
  }

  @Test
  void writesTheSameBytesForTheSameContents() {
    byte[] first = writer.write(Packs.contents(Packs.missionEvents()).build());
    byte[] second =
        new AuditPackWriter(SigningKeys.fromPrivateKeyPem(SigningKeysTest.rfc8032PrivateKeyPem()))
            .write(Packs.contents(Packs.missionEvents()).build());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void writesEventsAsOneCanonicalJsonObjectPerLine() {
    String events = new String(EventsFile.write(Packs.missionEvents()), StandardCharsets.UTF_8);

    assertThat(events.split("\n")).hasSize(10);
    assertThat(events.split("\n")[0])
        .startsWith("{\"actor\":\"alice\",\"data\":{")
        .contains("\"hash\":\"");
    assertThat(events).endsWith("}\n");
  }

  @Test
  void writesApprovalsFromTheDecisionEvents() {
    assertThat(Approvals.fromEvents(Packs.missionEvents()))
        .containsExactly(
            new ApprovalRecord("plan", "bob", "2026-11-28T11:50:30Z", "approved", "scope ok"),
            new ApprovalRecord("execute", "bob", "2026-11-28T11:51:00Z", "approved", null),
            new ApprovalRecord("finalize", "carol", "2026-11-28T11:51:30Z", "approved", "ship it"));
  }

  @Test
  void refusesUnsafeOrReservedFileNames() {
    for (String name :
        new String[] {
          "../escape.txt", "/etc/passwd", "diffs\\batch.diff", "manifest.json", "a//b"
        }) {
      assertThatThrownBy(() -> Packs.contents(Packs.missionEvents()).file(name, "x").build())
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
