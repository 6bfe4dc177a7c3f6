package dev.atomic.mission;

import dev.atomic.evidence.EvidenceEvent;
import java.util.List;

/**
 * What one step of a mission workflow changed: the events it caused and the mission after it.
 *
 * @param version increases with every transition of the mission; orders snapshot writes
 */
public record MissionTransition(Mission mission, long version, List<EvidenceEvent> events) {

  public MissionTransition {
    events = List.copyOf(events);
  }
}
