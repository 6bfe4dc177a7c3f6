package dev.atomic.mission;

import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.platform.Database;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to missions and their events for the API and CLI, plus out-of-band failure. */
public final class MissionStore {

  private final Database database;
  private final Clock clock;
  private final MissionRepository missions = new MissionRepository();
  private final EvidenceEventRepository events;

  /** Evidence data this store writes passes the built-in secret redactor. */
  public MissionStore(Database database, Clock clock) {
    this(database, clock, SecretRedactor.builtIn());
  }

  /** Evidence data this store writes passes {@code redactor} before it is stored and hashed. */
  public MissionStore(Database database, Clock clock, EvidenceRedactor redactor) {
    this.database = database;
    this.clock = clock;
    this.events = new EvidenceEventRepository(redactor);
  }

  public Optional<Mission> find(String missionId) throws SQLException {
    return database.read(connection -> missions.find(connection, missionId));
  }

  public List<Mission> list(Collection<MissionStatus> statuses, int limit) throws SQLException {
    return database.read(connection -> missions.list(connection, statuses, limit));
  }

  public List<EvidenceEvent> events(String stream) throws SQLException {
    return database.read(connection -> events.stream(connection, stream));
  }

  /**
   * Marks a mission failed outside its workflow, e.g. when the workflow no longer exists, and
   * records why as a {@code MissionFailed} event. Does nothing to a finished mission.
   */
  public Optional<Mission> markFailed(String missionId, String reason) throws SQLException {
    return database.inTransaction(
        connection -> {
          Optional<Mission> current = missions.find(connection, missionId);
          if (current.isEmpty() || current.get().status().isFinished()) {
            return Optional.empty();
          }
          String now = clock.instant().toString();
          Mission failed = failCheckpoints(current.get()).ended(MissionStatus.FAILED, reason, now);
          long seq = events.nextSeq(connection, missionId);
          events.append(
              connection,
              new EvidenceEvent(
                  EvidenceEvent.idFor(missionId, seq),
                  missionId,
                  seq,
                  missionId,
                  EventTypes.MISSION_FAILED,
                  "platform",
                  now,
                  Map.of("reason", reason)));
          missions.save(connection, failed, missions.version(connection, missionId) + 1);
          return Optional.of(failed);
        });
  }

  private static Mission failCheckpoints(Mission mission) {
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (Checkpoint c : mission.checkpoints()) {
      boolean open =
          c.status() == CheckpointStatus.AWAITING_APPROVAL
              || c.status() == CheckpointStatus.RUNNING;
      checkpoints.add(
          open
              ? new Checkpoint(
                  c.name(),
                  c.actor(),
                  CheckpointStatus.FAILED,
                  c.decision(),
                  c.artifacts(),
                  c.batches(),
                  c.metrics(),
                  c.auditPack())
              : c);
    }
    return new Mission(
        mission.missionId(),
        mission.title(),
        mission.risk(),
        mission.status(),
        mission.requestedBy(),
        mission.createdAt(),
        mission.updatedAt(),
        checkpoints,
        mission.reason());
  }
}
