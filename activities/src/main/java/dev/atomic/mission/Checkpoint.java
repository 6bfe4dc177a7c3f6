package dev.atomic.mission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One checkpoint as clients see it. Only the payload that belongs to the checkpoint is present:
 * {@code artifacts} on plan, {@code batches} on execute, {@code metrics} on verify, {@code
 * auditPack} on finalize.
 *
 * @param actor the role that acts here: {@code human}, {@code agent} or {@code both}
 * @param decision present once a human or policy decided
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(
    CheckpointName name,
    String actor,
    CheckpointStatus status,
    Decision decision,
    List<Map<String, Object>> artifacts,
    List<Batch> batches,
    Map<String, Object> metrics,
    Map<String, Object> auditPack) {}
