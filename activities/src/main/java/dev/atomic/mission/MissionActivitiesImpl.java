package dev.atomic.mission;

import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import dev.atomic.evidence.EvidenceTuning;
import dev.atomic.gateway.SecretRedactor;
import dev.atomic.identity.DecisionTokens;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Database;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes mission transitions to the database. */
public class MissionActivitiesImpl implements MissionActivities {

  private static final Logger log = LoggerFactory.getLogger(MissionActivitiesImpl.class);

  private final Database database;
  private final MissionRepository missions = new MissionRepository();
  private final EvidenceEventRepository events;
  private final DecisionTokens tokens;
  private final MissionMeters meters;

  /** Evidence data passes the built-in secret redactor. */
  public MissionActivitiesImpl(Database database) {
    this(database, SecretRedactor.builtIn());
  }

  /** Evidence data passes {@code redactor} before it is stored and hashed. */
  public MissionActivitiesImpl(Database database, EvidenceRedactor redactor) {
    this(database, redactor, new DecisionTokens(database, java.time.Clock.systemUTC()));
  }

  /** Decision tokens are redeemed against {@code tokens}. */
  public MissionActivitiesImpl(
      Database database, EvidenceRedactor redactor, DecisionTokens tokens) {
    this(database, redactor, tokens, EvidenceTuning.DEFAULT_BATCH_SIZE, AtomicMetrics.none());
  }

  /**
   * @param evidenceBatchSize the most event rows one JDBC batch of a transition inserts ({@code
   *     EVIDENCE_BATCH_SIZE})
   * @param metrics counts what the stored transitions tell (decisions, rollbacks, events)
   */
  public MissionActivitiesImpl(
      Database database,
      EvidenceRedactor redactor,
      DecisionTokens tokens,
      int evidenceBatchSize,
      AtomicMetrics metrics) {
    this.database = database;
    this.events = new EvidenceEventRepository(redactor, evidenceBatchSize);
    this.tokens = tokens;
    this.meters = new MissionMeters(metrics);
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
  public TransitionOutcome recordTransition(MissionTransition given) {
    String missionId = given.mission().missionId();
    MissionTransition transition = given;
    if (given.repairs()) {
      transition = TransitionText.repaired(given);
    } else {
      String problem = TransitionText.problem(given);
      if (problem != null) {
        throw unstorable(missionId, problem);
      }
    }
    List<EvidenceEvent> toStore = transition.events();
    Mission mission = transition.mission();
    long version = transition.version();
    try {
      List<EvidenceEvent> written =
          database.inTransaction(
              connection -> {
                List<EvidenceEvent> stored = appendAll(connection, toStore);
                missions.save(connection, mission, version);
                return stored;
              });
      log.debug(
          "mission {} version {}: {} new event(s)",
          missionId,
          transition.version(),
          written.size());
      meters.stored(database, written);
      return TransitionOutcome.stored();
    } catch (PositionTaken taken) {
      try {
        long next = database.read(connection -> events.nextSeq(connection, taken.stream));
        log.info(
            "mission {} version {}: a position is taken by an event recorded outside the"
                + " workflow ({}); the workflow renumbers its events from seq {}",
            missionId,
            transition.version(),
            taken.getMessage(),
            next);
        return TransitionOutcome.positionTaken(next);
      } catch (SQLException e) {
        throw Activity.wrap(e);
      }
    } catch (IllegalArgumentException e) {
      // The evidence store refuses data it cannot hash: retrying changes nothing.
      throw unstorable(missionId, e.getMessage());
    } catch (SQLException e) {
      if (isDataException(e)) {
        throw unstorable(missionId, "the database refused the data: " + e.getMessage());
      }
      throw Activity.wrap(e);
    }
  }

  private static ApplicationFailure unstorable(String missionId, String problem) {
    log.warn("mission {}: a transition cannot be stored: {}", missionId, problem);
    return ApplicationFailure.newNonRetryableFailure(problem, UNSTORABLE);
  }

  /** SQLState class 22: the data, not the database, is at fault (too long, invalid encoding). */
  private static boolean isDataException(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Appends the workflow's events, in batches. The store answers a unique violation when another
   * event holds one of their ids, that is positions: the workflow's own events are identical on a
   * retry (a no-op), so it was written by someone else.
   */
  private List<EvidenceEvent> appendAll(Connection connection, List<EvidenceEvent> toStore)
      throws SQLException {
    try {
      return events.appendAll(connection, toStore);
    } catch (SQLException e) {
      if (Database.isUniqueViolation(e) && !toStore.isEmpty()) {
        throw new PositionTaken(toStore.get(0).stream(), e.getMessage());
      }
      throw e;
    }
  }

  /** Rolls the transaction back: the whole transition is written at new positions instead. */
  private static final class PositionTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient String stream;

    PositionTaken(String stream, String what) {
      super(what, null, false, false);
      this.stream = stream;
    }
  }
}
