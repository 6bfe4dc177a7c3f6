package dev.atomic.dte;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A declarative description of a migration, as in the ChangeSpec format users already write. Parse
 * one with {@link ChangeSpecValidator}, which checks it against the shipped JSON Schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"dryRun"})
public record ChangeSpec(
    String id,
    String intent,
    List<String> scope,
    String language,
    List<String> assumptions,
    List<Patch> patches,
    List<Invariant> invariants,
    TestPlan tests,
    String risk,
    Map<String, Object> telemetry) {

  public ChangeSpec {
    scope = scope == null ? List.of() : List.copyOf(scope);
    patches = patches == null ? List.of() : List.copyOf(patches);
    invariants = invariants == null ? List.of() : List.copyOf(invariants);
  }

  /**
   * One operation.
   *
   * @param path optional glob narrowing the spec's scope for this patch
   * @param details operation options, e.g. {@code newName} for {@code renameSymbol}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Patch(String path, String astOp, String selector, Map<String, Object> details) {

    public Patch {
      details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** A required string option, or a clear refusal naming the patch and option. */
    public String requireDetail(int index, String name) {
      Object value = details.get(name);
      if (!(value instanceof String text) || text.isBlank()) {
        throw DteException.invalid(
            "/patches/" + index + "/details/" + name + ": required for " + astOp);
      }
      return text;
    }
  }

  /** A property that must hold after the change. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Invariant(String name, String type, String spec) {}

  /** How the change is tested. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TestPlan(String strategy, List<String> targets, Double mutationThreshold) {}
}
