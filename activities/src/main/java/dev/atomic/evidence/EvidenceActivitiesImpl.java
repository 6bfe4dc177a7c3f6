package dev.atomic.evidence;

import dev.atomic.evidence.artifacts.ArtifactStore;
import dev.atomic.evidence.pack.AuditPackContents;
import dev.atomic.evidence.pack.AuditPackWriter;
import dev.atomic.evidence.pack.FinOpsSummaries;
import dev.atomic.evidence.pack.MissionPack;
import dev.atomic.evidence.pack.PackPart;
import dev.atomic.evidence.pack.PlatformVersions;
import dev.atomic.evidence.pack.SigningKey;
import dev.atomic.platform.AtomicMetrics;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Builds audit packs on a worker of the {@code atomic-evidence} queue. */
public class EvidenceActivitiesImpl implements EvidenceActivities {

  private final EvidenceStore store;
  private final SigningKey key;
  private final FinOpsSummaries finops;
  private final ArtifactStore artifacts;
  private final WorkflowClient temporal;
  private final Clock clock;
  private final AtomicMetrics metrics;
  private final int compressionLevel;

  public EvidenceActivitiesImpl(
      EvidenceStore store,
      SigningKey key,
      FinOpsSummaries finops,
      ArtifactStore artifacts,
      WorkflowClient temporal,
      Clock clock) {
    this(
        store,
        key,
        finops,
        artifacts,
        temporal,
        clock,
        EvidenceTuning.DEFAULT_COMPRESSION_LEVEL,
        AtomicMetrics.none());
  }

  /**
   * @param compressionLevel the deflate level of the packs ({@code EVIDENCE_COMPRESSION_LEVEL})
   * @param metrics counts each pack generated
   */
  public EvidenceActivitiesImpl(
      EvidenceStore store,
      SigningKey key,
      FinOpsSummaries finops,
      ArtifactStore artifacts,
      WorkflowClient temporal,
      Clock clock,
      int compressionLevel,
      AtomicMetrics metrics) {
    this.compressionLevel = compressionLevel;
    this.metrics = metrics;
    this.store = store;
    this.key = key;
    this.finops = finops;
    this.artifacts = artifacts;
    this.temporal = temporal;
    this.clock = clock;
  }

  @Override
  public AuditPackRef generateAuditPack(AuditPackRequest request) {
    List<ChainedEvent> events;
    try {
      events = store.chain(request.missionId());
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot read the chain of " + request.missionId() + ": " + e.getMessage(), e);
    }
    if (events.isEmpty()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "mission " + request.missionId() + " has no evidence", "EvidenceMissing");
    }
    AuditPackContents contents =
        MissionPack.contents(
            new MissionPack.Sources(
                request.missionId(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                PlatformVersions.atomic(),
                events,
                request.changeSpecJson() == null
                    ? PackPart.absent("no ChangeSpec is attached to this mission")
                    : PackPart.present(
                        (request.changeSpecJson() + "\n").getBytes(StandardCharsets.UTF_8)),
                PackPart.present(
                    temporal
                        .fetchHistory(request.missionId())
                        .toJson(true)
                        .getBytes(StandardCharsets.UTF_8)),
                finops.forMission(request.missionId()),
                PlatformVersions.json(),
                store.redactor()));
    byte[] zip = new AuditPackWriter(key, compressionLevel).write(contents);
    String sha256 =
        artifacts.put(request.missionId(), ArtifactStore.AUDIT_PACK, "application/zip", zip);
    metrics.evidenceExport("mission");
    ChainedEvent last = events.get(events.size() - 1);
    return new AuditPackRef(sha256, zip.length, key.keyId(), events.size(), last.id());
  }
}
