package dev.atomic.api.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.atomic.api.web.ApiException;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.evidence.EvidenceTuning;
import dev.atomic.evidence.Sha256;
import dev.atomic.evidence.pack.AbsentFile;
import dev.atomic.evidence.pack.AuditPackContents;
import dev.atomic.evidence.pack.AuditPackWriter;
import dev.atomic.evidence.pack.FinOpsSummaries;
import dev.atomic.evidence.pack.MissionPack;
import dev.atomic.evidence.pack.PackPart;
import dev.atomic.evidence.pack.PlatformVersions;
import dev.atomic.evidence.pack.SigningKey;
import dev.atomic.platform.Json;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Exports a mission's signed audit pack and records the export as an {@code AuditPackGenerated}
 * event. The pack holds the chain as it stood when the export began; the event that records the
 * export comes after it and names the pack's SHA-256 and the last event it holds, so the next pack
 * proves which packs were handed out before it.
 */
@Service
class AuditPackService {

  private static final Logger log = LoggerFactory.getLogger(AuditPackService.class);

  /** A written pack and the event that records it. */
  record Export(byte[] zip, String sha256, String keyId, ChainedEvent recorded) {}

  private final EvidenceService evidence;
  private final EvidenceStore store;
  private final WorkflowClient temporal;
  private final SigningKey key;
  private final FinOpsSummaries finops;
  private final EvidenceTuning tuning;
  private final Clock clock = Clock.systemUTC();

  AuditPackService(
      EvidenceService evidence,
      EvidenceStore store,
      WorkflowClient temporal,
      SigningKey key,
      FinOpsSummaries finops,
      EvidenceTuning tuning) {
    this.evidence = evidence;
    this.store = store;
    this.temporal = temporal;
    this.key = key;
    this.finops = finops;
    this.tuning = tuning;
  }

  /**
   * @param changeSpec the ChangeSpec to include, already validated; null when none was given
   */
  Export export(String missionId, JsonNode changeSpec, String actor) {
    evidence.requireMission(missionId);
    List<ChainedEvent> events = evidence.chain(missionId);
    if (events.isEmpty()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Mission " + missionId + " has no evidence yet",
          "try again shortly");
    }
    Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AuditPackContents contents =
        MissionPack.contents(
            new MissionPack.Sources(
                missionId,
                createdAt,
                PlatformVersions.atomic(),
                events,
                changeSpec == null
                    ? PackPart.absent(
                        "no ChangeSpec is attached to this mission (ledger mode) and none was"
                            + " given with the export request")
                    : PackPart.present(pretty(changeSpec)),
                history(missionId),
                finops.forMission(missionId),
                PlatformVersions.json(),
                store.redactor()));
    byte[] zip = new AuditPackWriter(key, tuning.compressionLevel()).write(contents);
    String sha256 = Sha256.hex(zip);
    ChainedEvent last = events.get(events.size() - 1);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sha256", sha256);
    data.put("bytes", zip.length);
    data.put("keyId", key.keyId());
    data.put("createdAt", createdAt.toString());
    data.put("events", events.size());
    data.put("lastEvent", last.id());
    data.put("lastHash", last.hash());
    data.put("absent", contents.absent().stream().map(AbsentFile::name).toList());
    ChainedEvent recorded =
        EvidenceService.database(
            () ->
                store.record(
                    missionId,
                    missionId,
                    EventTypes.AUDIT_PACK_GENERATED,
                    actor,
                    clock.instant(),
                    data));
    log.info(
        "audit pack of {} exported: {} bytes, {} events, sha256 {}, recorded as {}",
        missionId,
        zip.length,
        events.size(),
        sha256,
        recorded.id());
    return new Export(zip, sha256, key.keyId(), recorded);
  }

  /**
   * The workflow history, as {@code WorkflowReplayer} reads it; absent when Temporal no longer has
   * it. Temporal being unreachable fails the export (503) rather than drop the file.
   */
  private PackPart history(String missionId) {
    try {
      String json = temporal.fetchHistory(missionId).toJson(true);
      return PackPart.present(json.getBytes(StandardCharsets.UTF_8));
    } catch (WorkflowNotFoundException e) {
      return PackPart.absent(lost(missionId));
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StatusRuntimeException grpc) {
          Status.Code code = grpc.getStatus().getCode();
          if (code == Status.Code.NOT_FOUND) {
            return PackPart.absent(lost(missionId));
          }
          if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
            throw new ApiException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Temporal is not reachable, so the mission's workflow history cannot be included",
                grpc.getStatus().toString());
          }
        }
      }
      throw e;
    }
  }

  private static String lost(String missionId) {
    return "Temporal no longer has the workflow history of "
        + missionId
        + " (retention expired, or the embedded dev server was restarted)";
  }

  private static byte[] pretty(JsonNode changeSpec) {
    try {
      String json =
          Json.mapper()
              .writer()
              .with(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(changeSpec);
      return (json + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write the ChangeSpec", e);
    }
  }
}
