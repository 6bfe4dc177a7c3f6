package dev.atomic.api.finops;

import dev.atomic.api.web.ApiException;
import dev.atomic.finops.FinOps;
import dev.atomic.finops.ModelPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Model policies: which model serves a task, persisted; PUT replaces the policy of its task. */
@RestController
class ModelPolicyController {

  private static final String SHAPE =
      "{\"task\": \"refactor\", \"model\": \"gpt-4.1\", \"provider\"?: \"openai\", \"budgetCeiling\": 5.0, \"priority\": 1}";

  private final FinOps finOps;

  ModelPolicyController(FinOps finOps) {
    this.finOps = finOps;
  }

  @GetMapping("/policies/models")
  List<ModelPolicy> list() {
    return finOps.policies().policies();
  }

  @PutMapping("/policies/models")
  ModelPolicy put(@RequestBody(required = false) JsonNode body) {
    // "source" is accepted, and ignored, so a policy read with GET can be put back as it is.
    JsonNode fields =
        Bodies.object(
            body,
            SHAPE,
            Set.of("task", "provider", "model", "budgetCeiling", "priority", "source"));
    List<String> problems = new ArrayList<>();
    String task = field(problems, () -> Bodies.text(fields, "task"));
    String provider = field(problems, () -> Bodies.text(fields, "provider"));
    String model = field(problems, () -> Bodies.text(fields, "model"));
    BigDecimal ceiling = field(problems, () -> Bodies.amount(fields, "budgetCeiling", false));
    Integer priority = field(problems, () -> Bodies.integer(fields, "priority"));
    if (!problems.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          problems.size() == 1 ? problems.get(0) : "Invalid policy",
          String.join("; ", problems));
    }
    return finOps
        .policies()
        .put(task, provider, model, ceiling, priority, finOps.settings().defaultProvider());
  }

  /** Reads one field; a wrong type is noted, so every wrong field is reported at once. */
  private static <T> T field(List<String> problems, Supplier<T> read) {
    try {
      return read.get();
    } catch (ApiException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  /** Removes the stored policy of a task; answers with the shipped default now in force, if any. */
  @DeleteMapping("/policies/models/{task}")
  Map<String, Object> delete(@PathVariable String task) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("deleted", task);
    answer.put("inForce", finOps.policies().delete(task).orElse(null));
    return answer;
  }
}
