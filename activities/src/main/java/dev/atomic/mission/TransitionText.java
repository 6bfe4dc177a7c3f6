package dev.atomic.mission;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.platform.Json;
import dev.atomic.platform.StorableText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a transition's text fits the stores (see {@link StorableText} and the column sizes of
 * {@code missions} and {@code evidence_events}), and the repaired transition a failed mission is
 * stored with.
 */
final class TransitionText {

  static final int MAX_TITLE = 500;
  static final int MAX_ACTOR = 200;
  static final int MAX_TYPE = 64;

  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private TransitionText() {}

  /** Why the transition cannot be stored as it is, naming the field; null when it can. */
  static String problem(MissionTransition transition) {
    Mission mission = transition.mission();
    String problem =
        first(
            tooLong("mission.title", mission.title(), MAX_TITLE),
            tooLong("mission.requestedBy", mission.requestedBy(), MAX_ACTOR),
            StorableText.find(mission, "mission"));
    if (problem != null) {
      return problem;
    }
    for (EvidenceEvent event : transition.events()) {
      String at = "event " + event.type() + " (" + event.id() + ")";
      problem =
          first(
              tooLong(at + " actor", event.actor(), MAX_ACTOR),
              tooLong(at + " type", event.type(), MAX_TYPE),
              StorableText.find(event.actor(), "actor"),
              StorableText.find(event.data(), "data"));
      if (problem != null) {
        return problem.startsWith("'") ? at + ": " + problem : problem;
      }
    }
    return null;
  }

  /** The transition with every string made storable and cut to its column. */
  static MissionTransition repaired(MissionTransition transition) {
    Mission m = transition.mission();
    JsonNode tree = StorableText.repaired(Json.mapper().valueToTree(m));
    Mission clean = Json.mapper().convertValue(tree, Mission.class);
    clean =
        new Mission(
            clean.missionId(),
            StorableText.repaired(clean.title(), MAX_TITLE),
            clean.risk(),
            clean.status(),
            StorableText.repaired(clean.requestedBy(), MAX_ACTOR),
            clean.createdAt(),
            clean.updatedAt(),
            clean.checkpoints(),
            clean.reason());
    List<EvidenceEvent> events = new ArrayList<>();
    for (EvidenceEvent e : transition.events()) {
      Map<String, Object> data =
          Json.mapper()
              .convertValue(StorableText.repaired(Json.mapper().valueToTree(e.data())), DATA);
      events.add(
          new EvidenceEvent(
              e.id(),
              e.stream(),
              e.seq(),
              e.missionId(),
              StorableText.repaired(e.type(), MAX_TYPE),
              e.actor() == null ? null : StorableText.repaired(e.actor(), MAX_ACTOR),
              e.timestamp(),
              data));
    }
    return new MissionTransition(clean, transition.version(), events, true);
  }

  private static String tooLong(String field, String value, int max) {
    return value != null && value.length() > max
        ? "'" + field + "' is " + value.length() + " characters long; at most " + max + " fit"
        : null;
  }

  private static String first(String... problems) {
    for (String problem : problems) {
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }
}
