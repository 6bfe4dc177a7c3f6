package dev.atomic.api.mission;

import dev.atomic.api.security.Caller;
import dev.atomic.api.web.ApiException;
import dev.atomic.api.web.JsonBodies;
import dev.atomic.identity.DecisionTokens;
import dev.atomic.mission.Batch;
import dev.atomic.mission.Mission;
import dev.atomic.mission.RollbackResult;
import dev.atomic.mission.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The orchestrator endpoints of the runbook. */
@RestController
class MissionController {

  /** Header naming the caller when the body does not. */
  static final String ACTOR_HEADER = "X-Atomic-Actor";

  private final MissionService missions;

  MissionController(MissionService missions) {
    this.missions = missions;
  }

  @PostMapping("/missions")
  ResponseEntity<Mission> create(
      @RequestBody(required = false) CreateMissionBody body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    if (body == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Request body is required", "{\"title\": …}");
    }
    String requestedBy = Caller.current().actor(body.requestedBy(), body.actor(), actorHeader);
    MissionService.Started started = missions.create(body, requestedBy);
    return ResponseEntity.status(started.ready() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
        .header("Location", "/missions/" + started.mission().missionId())
        .body(started.mission());
  }

  @GetMapping("/missions/{missionId}")
  Mission get(@PathVariable String missionId) {
    return missions.get(missionId);
  }

  @GetMapping("/missions")
  List<Mission> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false, defaultValue = "100") int limit) {
    return missions.list(status, limit);
  }

  @PostMapping("/missions/{missionId}/checkpoints/{checkpoint}/approve")
  Mission approve(
      @PathVariable String missionId,
      @PathVariable String checkpoint,
      @RequestBody(required = false) DecisionBody body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    return decide(missionId, checkpoint, Verdict.APPROVED, body, actorHeader);
  }

  @PostMapping("/missions/{missionId}/checkpoints/{checkpoint}/reject")
  Mission reject(
      @PathVariable String missionId,
      @PathVariable String checkpoint,
      @RequestBody(required = false) DecisionBody body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    return decide(missionId, checkpoint, Verdict.REJECTED, body, actorHeader);
  }

  /**
   * A decision token for an approval or rejection by Temporal signal: the workflow counts the
   * signal only with it, and records the caller it was issued to.
   */
  @PostMapping("/missions/{missionId}/checkpoints/{checkpoint}/decision-token")
  ResponseEntity<Map<String, Object>> decisionToken(
      @PathVariable String missionId,
      @PathVariable String checkpoint,
      @RequestBody(required = false) tools.jackson.databind.JsonNode body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    JsonBodies.object(body, Set.of("verdict", "actor"), "{\"verdict\": \"approved\"}");
    String actor = Caller.current().actor(JsonBodies.optionalText(body, "actor"), actorHeader);
    String verdict = JsonBodies.requiredText(body, "verdict");
    DecisionTokens.Issued issued = missions.decisionToken(missionId, checkpoint, verdict, actor);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("token", issued.token());
    answer.put("missionId", missionId);
    answer.put("checkpoint", checkpoint);
    answer.put("verdict", verdict.toLowerCase(Locale.ROOT));
    answer.put("actor", actor);
    answer.put("expiresAt", issued.expiresAt().toString());
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(answer);
  }

  @PostMapping("/missions/{missionId}/batches")
  ResponseEntity<Batch> registerBatch(
      @PathVariable String missionId,
      @RequestBody(required = false) BatchBody body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    String actor = Caller.current().actor(body == null ? null : body.actor(), actorHeader);
    Batch batch =
        missions.registerBatch(missionId, actor, body == null ? null : body.description());
    return ResponseEntity.status(HttpStatus.CREATED).body(batch);
  }

  @PostMapping("/missions/{missionId}/rollback/{batchId}")
  RollbackResult rollback(
      @PathVariable String missionId,
      @PathVariable String batchId,
      @RequestBody(required = false) RollbackBody body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    String actor = Caller.current().actor(body == null ? null : body.actor(), actorHeader);
    return missions.rollback(
        missionId,
        batchId,
        actor,
        body == null ? null : body.reason(),
        body != null && Boolean.TRUE.equals(body.cascade()));
  }

  /** Gives a governed mission created without a ChangeSpec its spec; planning starts then. */
  @PutMapping("/missions/{missionId}/changespec")
  Mission attachChangeSpec(
      @PathVariable String missionId,
      @RequestBody(required = false) tools.jackson.databind.JsonNode body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    return missions.attachChangeSpec(missionId, body, Caller.current().actor(actorHeader));
  }

  /** The planned diff of a governed mission, as stored at plan (by its SHA-256). */
  @GetMapping("/missions/{missionId}/diff")
  ResponseEntity<byte[]> diff(@PathVariable String missionId) {
    MissionService.Download diff = missions.artifact(missionId, "diff");
    return ResponseEntity.ok()
        .header("Content-Type", "text/x-diff; charset=utf-8")
        .header("X-Atomic-Sha256", diff.sha256())
        .body(diff.content());
  }

  /** The audit pack a governed mission produced at finalize. */
  @GetMapping("/missions/{missionId}/audit-pack")
  ResponseEntity<byte[]> auditPack(@PathVariable String missionId) {
    MissionService.Download pack = missions.artifact(missionId, "auditPack");
    return ResponseEntity.ok()
        .header("Content-Type", "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + missionId + "-audit-pack.zip\"")
        .header("X-Atomic-Sha256", pack.sha256())
        .body(pack.content());
  }

  private Mission decide(
      String missionId, String checkpoint, Verdict verdict, DecisionBody body, String actorHeader) {
    String actor = Caller.current().actor(body == null ? null : body.actor(), actorHeader);
    return missions.decide(
        missionId, checkpoint, verdict, actor, body == null ? null : body.comment());
  }
}
