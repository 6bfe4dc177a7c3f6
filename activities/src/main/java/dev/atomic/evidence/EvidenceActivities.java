package dev.atomic.evidence;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Evidence work for workflows (task queue {@code atomic-evidence}). */
@ActivityInterface
public interface EvidenceActivities {

  /**
   * Builds and signs a mission's audit pack from its chain, its ChangeSpec and its workflow
   * history, and stores it by SHA-256 (the same pack stored twice is stored once).
   */
  @ActivityMethod(name = "EvidenceAuditPack")
  AuditPackRef generateAuditPack(AuditPackRequest request);
}
