package dev.atomic.mission;

import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.platform.Database;
import io.temporal.activity.Activity;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes mission transitions to the database. */
public class MissionActivitiesImpl implements MissionActivities {

  private static final Logger log = LoggerFactory.getLogger(MissionActivitiesImpl.class);

  private final Database database;
  private final MissionRepository missions = new MissionRepository();
  private final EvidenceEventRepository events;

  public MissionActivitiesImpl(Database database) {
    this(database, EvidenceRedactor.none());
  }

  /** Evidence data passes {@code redactor} before it is stored and hashed. */
  public MissionActivitiesImpl(Database database, EvidenceRedactor redactor) {
    this.database = database;
    this.events = new EvidenceEventRepository(redactor);
  }

  @Override
  public void recordTransition(MissionTransition transition) {
    try {
      int written =
          database.inTransaction(
              connection -> {
                int count = 0;
                for (EvidenceEvent event : transition.events()) {
                  if (events.append(connection, event)) {
                    count++;
                  }
                }
                missions.save(connection, transition.mission(), transition.version());
                return count;
              });
      log.debug(
          "mission {} version {}: {} new event(s)",
          transition.mission().missionId(),
          transition.version(),
          written);
    } catch (SQLException e) {
      throw Activity.wrap(e);
    }
  }
}
