package dev.atomic.evidence.pack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mission's pack from its chain: what it holds, what it declares absent, and that it verifies.
 */
class MissionPackTest {

  private final SigningKey key = SigningKeys.generate();

  @Test
  void aLedgerMissionPackVerifiesAndDeclaresWhatItLacks() {
    AuditPackContents contents = MissionPack.contents(sources(Packs.missionEvents()));
    byte[] pack = new AuditPackWriter(key).write(contents);

    VerificationReport report = new AuditPackVerifier().verify(pack, key.publicKey());

    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(contents.files().keySet())
        .containsExactly(
            "approvals.json",
            "events.jsonl",
            "provenance.json",
            "redactions.json",
            "verification.json",
            "versions.json");
    assertThat(report.toText()).contains("nothing was redacted (redactions.json)");
    assertThat(contents.absent())
        .extracting(AbsentFile::name)
        .containsExactlyInAnyOrder(
            "changespec.json", "history.json", "finops.json", "diffs/", "mutation.json");
    assertThat(reason(contents, "mutation.json"))
        .isEqualTo("mutation testing did not run in this mission's verification");
    assertThat(reason(contents, "diffs/"))
        .contains("no batch event of this mission carries a diff");
    JsonNode verification = json(contents, "verification.json");
    assertThat(verification.get("event").asText()).isEqualTo("EVT-M-7-7");
    assertThat(verification.at("/report/result").asText()).isEqualTo("nothing to verify");
    assertThat(json(contents, "approvals.json")).hasSize(3);
    assertThat(json(contents, "provenance.json").get("nodes").get(0).get("id").asText())
        .isEqualTo("M-7");
  }

  @Test
  void batchDiffsAndAMutationReportBecomeFiles() {
    List<ChainedEvent> events = new ArrayList<>(Packs.missionEvents().subList(0, 4));
    append(
        events,
        EventTypes.BATCH_EXECUTED,
        Map.of("batchId", "batch-1", "diff", "--- a/A.java\n+++ b/A.java\n"));
    append(
        events,
        EventTypes.ROLLBACK_APPLIED,
        Map.of("batchId", "batch-1", "diff", "--- a/A.java\n"));
    append(
        events,
        EventTypes.VERIFICATION_COMPLETED,
        Map.of(
            "checkpoint",
            "verify",
            "mutationScore",
            0.8,
            "mutationReport",
            Map.of("score", 0.8, "mutantsKilled", 16, "mutantsTotal", 20)));

    AuditPackContents contents = MissionPack.contents(sources(events));

    assertThat(contents.files())
        .containsKeys("diffs/batch-1.diff", "diffs/batch-1.rollback.diff", "mutation.json");
    assertThat(json(contents, "mutation.json").at("/report/mutantsTotal").asInt()).isEqualTo(20);
    assertThat(new AuditPackVerifier().verify(new AuditPackWriter(key).write(contents)).ok())
        .isTrue();
  }

  @Test
  void versionsNameAtomicJavaAndTheLibrariesThatRan() {
    Map<String, Object> versions = PlatformVersions.describe();

    assertThat(versions.get("atomic")).asString().isNotBlank().isNotEqualTo("unknown");
    assertThat(versions).containsKey("gitCommit");
    @SuppressWarnings("unchecked")
    Map<String, Object> libraries = (Map<String, Object>) versions.get("libraries");
    assertThat(libraries).containsKeys("temporal-sdk", "openrewrite", "pitest", "jgit");
    assertThat(libraries.get("temporal-sdk")).asString().matches("\\d+\\.\\d+\\.\\d+.*");
  }

  private static MissionPack.Sources sources(List<ChainedEvent> events) {
    return new MissionPack.Sources(
        Packs.MISSION,
        Packs.CREATED_AT,
        "0.1.0-test",
        events,
        PackPart.absent("no ChangeSpec is attached to this mission"),
        PackPart.absent("Temporal no longer has this mission's workflow history"),
        PackPart.absent("FinOps does not track this mission yet"),
        "{}\n".getBytes(StandardCharsets.UTF_8),
        SecretRedactor.builtIn());
  }

  @Test
  void secretsInTheHistoryAndChangeSpecAreRedactedAndThePackSaysWhereAndStillVerifies()
      throws Exception {
    String value = "uhB6Ca8e" + "BtwS4LO2nf";
    String input = "{\"title\":\"Rename\",\"env\":{\"DB_PASSWORD\":\"" + value + "\"}}";
    String history =
        "{\"events\":[{\"eventId\":\"1\",\"eventType\":\"EVENT_TYPE_WORKFLOW_EXECUTION_STARTED\","
            + "\"workflowExecutionStartedEventAttributes\":{\"input\":{\"payloads\":[{\"metadata\":"
            + "{\"encoding\":\""
            + base64("json/plain")
            + "\"},\"data\":\""
            + base64(input)
            + "\"}]}}},{\"eventId\":\"2\",\"eventType\":\"EVENT_TYPE_WORKFLOW_TASK_FAILED\","
            + "\"workflowTaskFailedEventAttributes\":{\"failure\":{\"message\":\"push failed: "
            + "DB_PASSWORD="
            + value
            + "\"}}}]}";
    MissionPack.Sources plain = sources(Packs.missionEvents());
    MissionPack.Sources sources =
        new MissionPack.Sources(
            plain.missionId(),
            plain.createdAt(),
            plain.platformVersion(),
            plain.events(),
            PackPart.present(
                ("{\"id\":\"CS-9\",\"apiToken\":\"" + value + "\"}")
                    .getBytes(StandardCharsets.UTF_8)),
            PackPart.present(history.getBytes(StandardCharsets.UTF_8)),
            plain.finops(),
            plain.versions(),
            SecretRedactor.builtIn());

    AuditPackContents contents = MissionPack.contents(sources);
    byte[] pack = new AuditPackWriter(key).write(contents);
    VerificationReport report = new AuditPackVerifier().verify(pack, key.publicKey());

    assertThat(report.ok()).as(report.toText()).isTrue();
    assertThat(report.toText())
        .contains(
            "redacted: 1 value in changespec.json, 2 values in history.json (redactions.json)");
    String redactedHistory =
        new String(contents.files().get("history.json"), StandardCharsets.UTF_8);
    assertThat(redactedHistory).doesNotContain(value).doesNotContain(base64(input));
    JsonNode payload =
        Json.mapper()
            .readTree(redactedHistory)
            .at("/events/0/workflowExecutionStartedEventAttributes/input/payloads/0/data");
    assertThat(new String(Base64.getDecoder().decode(payload.asText()), StandardCharsets.UTF_8))
        .isEqualTo("{\"title\":\"Rename\",\"env\":{\"DB_PASSWORD\":\"***REDACTED_SECRET***\"}}");
    assertThat(new String(contents.files().get("changespec.json"), StandardCharsets.UTF_8))
        .doesNotContain(value)
        .contains("CS-9");
    JsonNode redacted = json(contents, "redactions.json").get("redacted");
    assertThat(redacted).hasSize(3);
    assertThat(redacted.get(1).get("file").asText()).isEqualTo("history.json");
    assertThat(redacted.get(1).get("eventId").asText()).isEqualTo("1");
    assertThat(redacted.get(1).get("at").asText())
        .isEqualTo("$.events[0].workflowExecutionStartedEventAttributes.input.payloads[0]");
    assertThat(redacted.get(1).get("path").asText()).isEqualTo("$.env.DB_PASSWORD");
    assertThat(redacted.get(2).get("at").asText())
        .isEqualTo("$.events[1].workflowTaskFailedEventAttributes.failure.message");
    assertThat(redacted.toString()).doesNotContain(value);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void append(List<ChainedEvent> events, String type, Map<String, Object> data) {
    long seq = events.size() + 1;
    events.add(
        ChainedEvent.link(
            new EvidenceEvent(
                EvidenceEvent.idFor(Packs.MISSION, seq),
                Packs.MISSION,
                seq,
                Packs.MISSION,
                type,
                "agent",
                "2026-11-28T11:59:0" + seq + "Z",
                data),
            events.get(events.size() - 1).hash()));
  }

  private static String reason(AuditPackContents contents, String name) {
    return contents.absent().stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow()
        .reason();
  }

  private static JsonNode json(AuditPackContents contents, String name) {
    return Json.read(
        new String(contents.files().get(name), StandardCharsets.UTF_8), JsonNode.class);
  }
}
