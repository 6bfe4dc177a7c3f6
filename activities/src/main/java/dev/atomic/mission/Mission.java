package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A mission as {@code GET /missions/{id}} and the {@code getMission} query return it.
 *
 * @param createdAt ISO-8601 instant
 * @param reason why a mission failed, expired or was rejected; absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mission(
    String missionId,
    String title,
    Risk risk,
    MissionStatus status,
    String requestedBy,
    String createdAt,
    String updatedAt,
    List<Checkpoint> checkpoints,
    String reason) {

  public Mission {
    checkpoints = List.copyOf(checkpoints);
  }

  public Optional<Checkpoint> checkpoint(CheckpointName name) {
    return checkpoints.stream().filter(c -> c.name() == name).findFirst();
  }

  /** The checkpoint that waits for a decision, if any. */
  @JsonIgnore
  public Optional<Checkpoint> awaitingCheckpoint() {
    return checkpoints.stream()
        .filter(c -> c.status() == CheckpointStatus.AWAITING_APPROVAL)
        .findFirst();
  }

  /** The same mission, ended with the given status and reason at the given instant. */
  public Mission ended(MissionStatus newStatus, String why, String at) {
    return new Mission(
        missionId, title, risk, newStatus, requestedBy, createdAt, at, checkpoints, why);
  }
}
