package dev.atomic.finops;

import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.EvidenceEventRepository;
import dev.atomic.evidence.EvidenceRedactor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Writes budget events to the evidence stream {@code budget:<scope>}. */
final class BudgetEvidence {

  private final EvidenceEventRepository events;

  /** Event data passes {@code redactor} before it is stored and hashed, as every event does. */
  BudgetEvidence(EvidenceRedactor redactor) {
    this.events = new EvidenceEventRepository(redactor);
  }

  /**
   * Appends an event at the next position of the budget's stream. The caller holds the lock of the
   * budget's row, so no other writer takes the same position.
   *
   * @return the event id
   */
  String append(Connection c, BudgetScope scope, String type, String at, Map<String, Object> data)
      throws SQLException {
    String stream = scope.stream();
    long seq = events.nextSeq(c, stream);
    EvidenceEvent event =
        new EvidenceEvent(
            EvidenceEvent.idFor(stream, seq),
            stream,
            seq,
            scope.missionId(),
            type,
            FinOpsEvents.ACTOR,
            at,
            data);
    if (!events.append(c, event)) {
      throw new SQLException("evidence event " + event.id() + " was written concurrently; retry");
    }
    return event.id();
  }
}
