package dev.atomic.mission;

import dev.atomic.evidence.EvidenceEvent;
import java.util.List;

/**
 * What one step of a mission workflow changed: the events it caused and the mission after it.
 *
 * @param version increases with every transition of the mission; orders snapshot writes
 * @param repairText store text no store could keep in a repaired form ({@link
 *     dev.atomic.platform.StorableText#repaired}) instead of refusing it: set once the mission has
 *     failed on such data; null in histories from before it existed
 */
public record MissionTransition(
    Mission mission, long version, List<EvidenceEvent> events, Boolean repairText) {

  public MissionTransition {
    events = List.copyOf(events);
  }

  public MissionTransition(Mission mission, long version, List<EvidenceEvent> events) {
    this(mission, version, events, null);
  }

  /** Text is repaired rather than refused. */
  public boolean repairs() {
    return Boolean.TRUE.equals(repairText);
  }
}
