package dev.atomic.mission;

import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.identity.DecisionTokens;
import dev.atomic.platform.Database;
import io.temporal.activity.Activity;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes mission transitions to the database. */
public class MissionActivitiesImpl implements MissionActivities {

  private static final Logger log = LoggerFactory.getLogger(MissionActivitiesImpl.class);

  private final Database database;
  private final MissionRepository missions = new MissionRepository();
  private final EvidenceEventRepository events;
  private final DecisionTokens tokens;

  public MissionActivitiesImpl(Database database) {
    this(database, EvidenceRedactor.none());
  }

  /** Evidence data passes {@code redactor} before it is stored and hashed. */
  public MissionActivitiesImpl(Database database, EvidenceRedactor redactor) {
    this(database, redactor, new DecisionTokens(database, java.time.Clock.systemUTC()));
  }

  /** Decision tokens are redeemed against {@code tokens}. */
  public MissionActivitiesImpl(
      Database database, EvidenceRedactor redactor, DecisionTokens tokens) {
    this.database = database;
    this.events = new EvidenceEventRepository(redactor);
    this.tokens = tokens;
  }

  @Override
  public DecisionTokens.Redemption redeemDecisionToken(DecisionTokenRedemption redemption) {
    try {
      return tokens.redeem(
          redemption.token(),
          redemption.missionId(),
          redemption.checkpoint(),
          redemption.verdict(),
          redemption.redemptionId());
    } catch (java.sql.SQLException e) {
      // Retried by Temporal: the database may be back on the next attempt.
      throw new IllegalStateException("decision token check failed: " + e.getMessage(), e);
    }
  }

  @Override
  public TransitionOutcome recordTransition(MissionTransition transition) {
    String missionId = transition.mission().missionId();
    try {
      int written =
          database.inTransaction(
              connection -> {
                int count = 0;
                for (EvidenceEvent event : transition.events()) {
                  if (append(connection, event)) {
                    count++;
                  }
                }
                missions.save(connection, transition.mission(), transition.version());
                return count;
              });
      log.debug("mission {} version {}: {} new event(s)", missionId, transition.version(), written);
      return TransitionOutcome.stored();
    } catch (PositionTaken taken) {
      try {
        long next = database.read(connection -> events.nextSeq(connection, taken.stream));
        log.info(
            "mission {} version {}: {} is taken by an event recorded outside the workflow;"
                + " the workflow renumbers its events from seq {}",
            missionId,
            transition.version(),
            taken.eventId,
            next);
        return TransitionOutcome.positionTaken(next);
      } catch (SQLException e) {
        throw Activity.wrap(e);
      }
    } catch (SQLException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Appends one of the workflow's events. The store answers a unique violation when another event
   * holds its id, that is its position: the workflow's own events are identical on a retry (a
   * no-op), so it was written by someone else.
   */
  private boolean append(Connection connection, EvidenceEvent event) throws SQLException {
    try {
      return events.append(connection, event);
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e)) {
        throw new PositionTaken(event);
      }
      throw e;
    }
  }

  /** Rolls the transaction back: the whole transition is written at new positions instead. */
  private static final class PositionTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient String stream;
    final transient String eventId;

    PositionTaken(EvidenceEvent event) {
      super(event.id() + " is taken", null, false, false);
      this.stream = event.stream();
      this.eventId = event.id();
    }
  }
}
