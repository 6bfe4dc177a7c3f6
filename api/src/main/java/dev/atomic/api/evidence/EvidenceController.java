package dev.atomic.api.evidence;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atomic.api.security.Caller;
import dev.atomic.api.web.ApiException;
import dev.atomic.api.web.JsonBodies;
import dev.atomic.dte.ChangeSpecValidator;
import dev.atomic.dte.DteException;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EvidenceBackup;
import dev.atomic.evidence.EvidenceImport;
import dev.atomic.evidence.pack.SigningKey;
import dev.atomic.platform.AtomicMetrics;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The evidence endpoints: external events, timelines, provenance, chain checks, audit packs. */
@RestController
class EvidenceController {

  static final String ACTOR_HEADER = "X-Atomic-Actor";
  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  /** The width of {@code evidence_events.actor}. */
  static final int MAX_ACTOR = 200;

  private static final Set<String> EVENT_FIELDS = Set.of("type", "missionId", "data", "actor");
  private static final String EVENT_SHAPE = "{\"type\", \"missionId\", \"data\": {…}, \"actor\"?}";
  private static final Set<String> EXPORT_FIELDS = Set.of("missionId", "changeSpec", "actor");
  private static final String EXPORT_SHAPE = "{\"missionId\", \"changeSpec\"?: {…}, \"actor\"?}";

  private final EvidenceService evidence;
  private final AuditPackService packs;
  private final EvidenceImportService imports;
  private final SigningKey key;
  private final AtomicMetrics metrics;

  EvidenceController(
      EvidenceService evidence,
      AuditPackService packs,
      EvidenceImportService imports,
      SigningKey key,
      AtomicMetrics metrics) {
    this.evidence = evidence;
    this.packs = packs;
    this.imports = imports;
    this.key = key;
    this.metrics = metrics;
  }

  /** An external producer's event (e.g. CI), appended to the mission's chain. */
  @PostMapping("/evidence/events")
  ResponseEntity<String> record(
      @RequestBody(required = false) JsonNode body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    JsonBodies.object(body, EVENT_FIELDS, EVENT_SHAPE);
    String type = JsonBodies.requiredText(body, "type");
    String missionId = JsonBodies.requiredText(body, "missionId");
    JsonNode data = body.get("data");
    if (data != null && !data.isNull() && !data.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'data' must be a JSON object");
    }
    String actor = actor(body, actorHeader);
    ChainedEvent event =
        evidence.record(
            missionId, type, actor, data == null || data.isNull() ? "{}" : data.toString());
    metrics.evidenceEvents("api", 1);
    return ResponseEntity.status(HttpStatus.CREATED)
        .header("Location", "/evidence/mission/" + missionId + "/events")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Json.write(eventJson(event)));
  }

  /** The provenance graph; the same document as {@code provenance.json} of a pack. */
  @GetMapping("/evidence/mission/{missionId}")
  ResponseEntity<byte[]> provenance(@PathVariable String missionId) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(evidence.graph(missionId).toJson());
  }

  /** The timeline: every event of the mission's chain, in order, with its hashes. */
  @GetMapping("/evidence/mission/{missionId}/events")
  ResponseEntity<String> events(@PathVariable String missionId) {
    List<ChainedEvent> chain = evidence.chain(missionId);
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("missionId", missionId);
    answer.put("count", chain.size());
    ArrayNode events = answer.putArray("events");
    chain.forEach(e -> events.add(eventJson(e)));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(answer));
  }

  /**
   * Restores a mission's evidence from its backup, the timeline above, into a store without that
   * mission's events: verified before anything is written, written in one transaction.
   */
  @PostMapping("/evidence/import")
  ResponseEntity<String> restore(@RequestBody(required = false) JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Request body is required", EvidenceBackup.SHAPE);
    }
    EvidenceImport.Result result = imports.restore(body.toString());
    ObjectNode answer = Json.mapper().createObjectNode();
    answer.put("missionId", result.missionId());
    answer.put("imported", result.imported());
    answer.put("events", result.events());
    answer.put("alreadyStored", result.alreadyStored());
    answer.put("verified", true);
    answer.putObject("head").put("id", result.head().id()).put("hash", result.head().hash());
    return ResponseEntity.status(result.alreadyStored() ? HttpStatus.OK : HttpStatus.CREATED)
        .header("Location", "/evidence/mission/" + result.missionId() + "/events")
        .contentType(MediaType.APPLICATION_JSON)
        .body(Json.write(answer));
  }

  /** Recomputes the mission's chain from the database: {@code ok}, how far, the first failure. */
  @GetMapping("/evidence/mission/{missionId}/verify")
  ResponseEntity<String> verify(@PathVariable String missionId) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(Json.write(evidence.verify(missionId)));
  }

  /** The signed audit pack (ZIP), as the runbook's export command downloads it. */
  @PostMapping("/evidence/export")
  ResponseEntity<byte[]> export(
      @RequestBody(required = false) JsonNode body,
      @RequestHeader(name = ACTOR_HEADER, required = false) String actorHeader) {
    JsonBodies.object(body, EXPORT_FIELDS, EXPORT_SHAPE);
    String missionId = JsonBodies.requiredText(body, "missionId");
    JsonNode changeSpec = body.get("changeSpec");
    com.fasterxml.jackson.databind.JsonNode spec = null;
    if (changeSpec != null && !changeSpec.isNull()) {
      if (!changeSpec.isObject()) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "'changeSpec' must be a JSON object");
      }
      try {
        ChangeSpecValidator.parse(changeSpec);
      } catch (DteException e) {
        throw new ApiException(
            HttpStatus.UNPROCESSABLE_CONTENT, "Invalid ChangeSpec", String.join("; ", e.reasons()));
      }
      try {
        spec = Json.mapper().readTree(changeSpec.toString());
      } catch (IOException e) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "'changeSpec' is not readable JSON");
      }
    }
    String actor = actor(body, actorHeader);
    AuditPackService.Export export = packs.export(missionId, spec, actor);
    metrics.evidenceExport("api");
    metrics.evidenceEvents("api", 1);
    return ResponseEntity.ok()
        .contentType(ZIP)
        .header(
            "Content-Disposition",
            ContentDisposition.attachment()
                .filename("audit-pack-" + missionId + ".zip")
                .build()
                .toString())
        .header("X-Atomic-Pack-Sha256", export.sha256())
        .header("X-Atomic-Key-Id", export.keyId())
        .header("X-Atomic-Event", export.recorded().id())
        .body(export.zip());
  }

  /** The public key packs are signed with, for {@code atomic evidence verify --key}. */
  @GetMapping("/evidence/public-key")
  ResponseEntity<String> publicKey() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/x-pem-file"))
        .header("X-Atomic-Key-Id", key.keyId())
        .body(key.publicKeyPem());
  }

  /**
   * Who acts: the authenticated caller; for the loopback user, the body's {@code actor}, else the
   * header, else the local user.
   */
  private static String actor(JsonNode body, String header) {
    String actor = Caller.current().actor(JsonBodies.optionalText(body, "actor"), header);
    if (actor.length() > MAX_ACTOR) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'actor' is longer than " + MAX_ACTOR + " characters");
    }
    return actor;
  }

  private static ObjectNode eventJson(ChainedEvent event) {
    ObjectNode node = event.hashedJson();
    node.put("hash", event.hash());
    return node;
  }
}
