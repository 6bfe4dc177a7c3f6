package dev.atomic.api.evidence;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.atomic.api.web.ApiException;
import dev.atomic.evidence.CanonicalJson;
import dev.atomic.evidence.ChainVerifier;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EventTypes;
import dev.atomic.evidence.EvidenceStore;
import dev.atomic.evidence.provenance.Provenance;
import dev.atomic.evidence.provenance.ProvenanceGraph;
import dev.atomic.mission.Mission;
import dev.atomic.mission.MissionStore;
import dev.atomic.platform.Json;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Records external events in a mission's chain and reads chains, graphs and their checks. */
@Service
class EvidenceService {

  /** Event types are PascalCase names, as the platform's own. */
  static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

  private static final Pattern MISSION_ID = Pattern.compile("M-[A-Za-z0-9_-]{1,60}");
  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  private final EvidenceStore store;
  private final MissionStore missions;
  private final EvidenceSettings settings;
  private final Clock clock = Clock.systemUTC();

  EvidenceService(EvidenceStore store, MissionStore missions, EvidenceSettings settings) {
    this.store = store;
    this.missions = missions;
    this.settings = settings;
  }

  /**
   * Appends an external producer's event to the mission's chain; its data passes the redactor on
   * the way.
   *
   * @param dataJson the {@code data} object as JSON text
   */
  ChainedEvent record(String missionId, String type, String actor, String dataJson) {
    if (!TYPE.matcher(type).matches()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'type' must be a PascalCase name of letters and digits (at most 64), e.g."
              + " CiPipelinePassed",
          "got '" + type + "'");
    }
    if (EventTypes.RECORDED_BY_PLATFORM.contains(type)) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "Event type " + type + " is recorded by the platform itself",
          "types an external producer may not post: "
              + new TreeSet<>(EventTypes.RECORDED_BY_PLATFORM));
    }
    requireMission(missionId);
    Map<String, Object> data = Json.read(dataJson, DATA);
    int size;
    try {
      size = CanonicalJson.utf8(Json.mapper().valueToTree(data)).length;
    } catch (IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'data' cannot be recorded", e.getMessage());
    }
    if (size > settings.maxEventBytes()) {
      throw new ApiException(
          HttpStatus.CONTENT_TOO_LARGE,
          "'data' is " + size + " bytes, more than the limit of " + settings.maxEventBytes(),
          "EVIDENCE_MAX_EVENT_BYTES; store large artefacts elsewhere and record their digest");
    }
    return database(() -> store.record(missionId, missionId, type, actor, clock.instant(), data));
  }

  /**
   * The mission's chain, in order. A mission is known by its row or by its events: evidence
   * restored from a backup ({@code POST /evidence/import}) reads and verifies without the mission's
   * snapshot.
   */
  List<ChainedEvent> chain(String missionId) {
    if (missionId == null || !MISSION_ID.matcher(missionId).matches()) {
      throw new ApiException(HttpStatus.NOT_FOUND, "Mission not found", missionId);
    }
    List<ChainedEvent> chain = database(() -> store.chain(missionId));
    if (chain.isEmpty()) {
      requireMission(missionId);
    }
    return chain;
  }

  ProvenanceGraph graph(String missionId) {
    return Provenance.of(missionId, chain(missionId));
  }

  /** The chain check of a mission's stored events. */
  Map<String, Object> verify(String missionId) {
    List<ChainedEvent> chain = chain(missionId);
    ChainVerifier.Result result = ChainVerifier.verify(chain);
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("missionId", missionId);
    answer.put("ok", result.ok());
    answer.put("events", chain.size());
    answer.put("checked", result.checked());
    answer.put("failure", result.failure());
    if (result.ok() && !chain.isEmpty()) {
      ChainedEvent head = chain.get(chain.size() - 1);
      answer.put("head", Map.of("id", head.id(), "hash", head.hash()));
    }
    return answer;
  }

  Mission requireMission(String missionId) {
    Optional<Mission> mission =
        missionId != null && MISSION_ID.matcher(missionId).matches()
            ? database(() -> missions.find(missionId))
            : Optional.empty();
    return mission.orElseThrow(
        () -> new ApiException(HttpStatus.NOT_FOUND, "Mission not found", missionId));
  }

  /** Store access; a database failure is a 503 with the reason, never a stack trace. */
  static <T> T database(SqlCall<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "The evidence store is not available", e.getMessage());
    }
  }

  @FunctionalInterface
  interface SqlCall<T> {
    T run() throws SQLException;
  }
}
