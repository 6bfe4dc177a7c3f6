package dev.atomic.testing;

import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.mission.Checkpoint;
import dev.atomic.mission.CheckpointName;
import dev.atomic.mission.CheckpointStatus;
import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionStatus;
import dev.atomic.mission.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Mission and event fixtures for store tests. */
public final class Missions {

  private Missions() {}

  public static Mission mission(String id, MissionStatus status, String createdAt) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (CheckpointName name : CheckpointName.values()) {
      CheckpointStatus checkpointStatus =
          name == CheckpointName.PLAN && status == MissionStatus.AWAITING_APPROVAL
              ? CheckpointStatus.AWAITING_APPROVAL
              : CheckpointStatus.PENDING;
      checkpoints.add(
          new Checkpoint(name, name.actor(), checkpointStatus, null, null, null, null, null));
    }
    return new Mission(
        id, "Rename UserId", Risk.MEDIUM, status, "alice", createdAt, createdAt, checkpoints, null);
  }

  public static EvidenceEvent event(String missionId, long seq, String type) {
    return new EvidenceEvent(
        EvidenceEvent.idFor(missionId, seq),
        missionId,
        seq,
        missionId,
        type,
        "alice",
        "2026-11-28T10:00:0" + (seq % 10) + "Z",
        Map.of("checkpoint", "plan", "seq", seq));
  }
}
