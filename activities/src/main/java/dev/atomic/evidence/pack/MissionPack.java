package dev.atomic.evidence.pack;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.provenance.Provenance;
import dev.atomic.platform.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The audit pack of one mission: what its chain shows (events, provenance, approvals, diffs,
 * verification and mutation reports) and the parts the platform supplies (ChangeSpec, Temporal
 * history, FinOps summary, versions). A file the mission has no content for is declared absent with
 * the reason, never filled with a placeholder.
 */
public final class MissionPack {

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  /**
   * What a pack is made from.
   *
   * @param events the mission's chain in order, as stored when the export started
   * @param versions the {@code versions.json} bytes ({@link PlatformVersions#json})
   * @param redactor what the chain's events passed; the ChangeSpec, history and FinOps summary pass
   *     it too
   */
  public record Sources(
      String missionId,
      Instant createdAt,
      String platformVersion,
      List<ChainedEvent> events,
      PackPart changeSpec,
      PackPart history,
      PackPart finops,
      byte[] versions,
      EvidenceRedactor redactor) {

    public Sources {
      events = List.copyOf(events);
    }
  }

  private MissionPack() {}

  public static AuditPackContents contents(Sources sources) {
    if (sources.events().isEmpty()) {
      throw new IllegalArgumentException(
          "mission " + sources.missionId() + " has no events; a pack must carry its events");
    }
    List<ChainedEvent> events = sources.events();
    AuditPackContents.Builder pack =
        AuditPackContents.builder(sources.missionId(), sources.createdAt())
            .platformVersion(sources.platformVersion())
            .file(PackLayout.EVENTS, EventsFile.write(events))
            .file(PackLayout.PROVENANCE, Provenance.of(sources.missionId(), events).toJson())
            .file(PackLayout.APPROVALS, Approvals.toJson(Approvals.fromEvents(events)))
            .file(PackLayout.VERSIONS, sources.versions());
    PackRedaction redaction = new PackRedaction(sources.redactor());
    redaction.json(sources.changeSpec(), PackLayout.CHANGESPEC).addTo(pack, PackLayout.CHANGESPEC);
    redaction.history(sources.history()).addTo(pack, PackLayout.HISTORY);
    redaction.json(sources.finops(), PackLayout.FINOPS).addTo(pack, PackLayout.FINOPS);
    pack.file(PackLayout.REDACTIONS, redaction.report());
    diffs(events, pack);
    ChainedEvent verification = lastOfType(events, EventTypes.VERIFICATION_COMPLETED);
    verification(verification).addTo(pack, PackLayout.VERIFICATION);
    mutation(verification).addTo(pack, PackLayout.MUTATION);
    return pack.build();
  }

  /**
   * One {@code diffs/<batch>.diff} per batch event whose {@code data.diff} holds a unified diff
   * ({@code diffs/<batch>.rollback.diff} for a rollback's), or {@code diffs/} declared absent.
   */
  private static void diffs(List<ChainedEvent> events, AuditPackContents.Builder pack) {
    int batches = 0;
    int written = 0;
    Map<String, String> diffs = new LinkedHashMap<>();
    for (ChainedEvent event : events) {
      boolean rollback = EventTypes.ROLLBACK_APPLIED.equals(event.type());
      boolean batch =
          EventTypes.BATCH_REGISTERED.equals(event.type())
              || EventTypes.BATCH_EXECUTED.equals(event.type());
      if (!batch && !rollback) {
        continue;
      }
      batches += batch ? 1 : 0;
      if (event.data().get("diff") instanceof String diff
          && !diff.isBlank()
          && event.data().get("batchId") instanceof String batchId
          && SAFE_NAME.matcher(batchId).matches()) {
        diffs.put(PackLayout.DIFFS + batchId + (rollback ? ".rollback" : "") + ".diff", diff);
      }
    }
    for (Map.Entry<String, String> diff : diffs.entrySet()) {
      pack.file(diff.getKey(), diff.getValue());
      written++;
    }
    if (written == 0) {
      pack.absent(
          PackLayout.DIFFS,
          batches == 0
              ? "the mission has no batches"
              : "no batch event of this mission carries a diff (ledger-mode batches are"
                  + " registered by agents, not applied by Atomic)");
    }
  }

  private static PackPart verification(ChainedEvent event) {
    if (event == null) {
      return PackPart.absent("verification has not run for this mission");
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("event", event.id());
    report.put("timestamp", event.timestamp());
    report.put("actor", event.actor());
    report.put("report", event.data());
    return PackPart.present(json(report));
  }

  /**
   * The mutation report of the last verification: its {@code mutationReport} (PIT's figures, as the
   * DTE writes them) or at least its {@code mutationScore}; absent when mutation testing did not
   * run, with the verification's own reason when it gives one.
   */
  private static PackPart mutation(ChainedEvent event) {
    if (event == null) {
      return PackPart.absent("mutation testing has not run: verification has not run");
    }
    Map<String, Object> data = event.data();
    if (data.get("mutationReport") instanceof Map<?, ?> || data.get("mutationScore") != null) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("event", event.id());
      report.put("mutationScore", data.get("mutationScore"));
      report.put("report", data.get("mutationReport"));
      return PackPart.present(json(report));
    }
    Object reason = data.get("reason");
    Object result = data.get("result");
    if (result != null && reason != null) {
      return PackPart.absent("mutation testing did not run: " + result + " (" + reason + ")");
    }
    return PackPart.absent("mutation testing did not run in this mission's verification");
  }

  private static ChainedEvent lastOfType(List<ChainedEvent> events, String type) {
    ChainedEvent last = null;
    for (ChainedEvent event : events) {
      if (type.equals(event.type())) {
        last = event;
      }
    }
    return last;
  }

  static byte[] json(Object value) {
    try {
      byte[] bytes =
          Json.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(value);
      return (new String(bytes, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
