package dev.atomic.mission;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Database;
import dev.atomic.platform.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what a mission's newly stored events say: decisions (with the time since their checkpoint
 * opened), rollbacks and the events themselves. Only events written for the first time count, so a
 * retried transition is not counted twice.
 */
final class MissionMeters {

  private static final Logger log = LoggerFactory.getLogger(MissionMeters.class);

  private final AtomicMetrics metrics;

  MissionMeters(AtomicMetrics metrics) {
    this.metrics = metrics;
  }

  void stored(Database database, List<EvidenceEvent> written) {
    metrics.evidenceEvents("workflow", written.size());
    for (EvidenceEvent event : written) {
      switch (event.type()) {
        case EventTypes.ROLLBACK_APPLIED -> metrics.rollback();
        case EventTypes.CHECKPOINT_APPROVED, EventTypes.CHECKPOINT_REJECTED ->
            decided(database, event);
        default -> {}
      }
    }
  }

  private void decided(Database database, EvidenceEvent decision) {
    String checkpoint = String.valueOf(decision.data().get("checkpoint"));
    String verdict =
        decision.type().equals(EventTypes.CHECKPOINT_APPROVED) ? "approved" : "rejected";
    Duration waited = null;
    try {
      Instant opened = database.read(c -> openedAt(c, decision, checkpoint));
      if (opened != null) {
        waited = Duration.between(opened, Instant.parse(decision.timestamp()));
      }
    } catch (SQLException | RuntimeException e) {
      log.debug("no approval time for {}: {}", decision.id(), e.getMessage());
    }
    metrics.checkpointDecided(checkpoint, verdict, waited);
  }

  /** When the decided checkpoint last opened before the decision. */
  private static Instant openedAt(
      java.sql.Connection connection, EvidenceEvent decision, String checkpoint)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(
            "SELECT occurred_at, data FROM evidence_events"
                + " WHERE stream = ? AND type = ? AND seq < ? ORDER BY seq DESC")) {
      statement.setString(1, decision.stream());
      statement.setString(2, EventTypes.CHECKPOINT_OPENED);
      statement.setLong(3, decision.seq());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          JsonNode data = Json.mapper().readTree(rows.getString(2));
          if (checkpoint.equals(data.path("checkpoint").asText())) {
            return rows.getObject(1, OffsetDateTime.class).toInstant();
          }
        }
      }
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return null;
    }
    return null;
  }
}
