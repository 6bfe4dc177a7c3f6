package dev.atomic.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document of the REST facade ({@code /v3/api-docs}, browsable at {@code
 * /swagger-ui.html}), generated from the controllers. Every operation also lists the errors the
 * facade answers with their one shape, {@code {"error", "details"}} ({@link ApiError}), so that a
 * client can rely on the document for failures as well as for successes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String ERROR_SCHEMA = "ApiError";

  @Bean
  OpenAPI atomicOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Atomic API")
                .description(
                    "Governed, AI-assisted code migrations: missions and their checkpoints, the"
                        + " DTE, the gateway, FinOps budgets and evidence. Errors are always"
                        + " {\"error\", \"details\"} with the status below; see docs/ in the"
                        + " repository.")
                .version(dev.atomic.evidence.pack.PlatformVersions.atomic())
                .license(new License().name("Proprietary")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An API key (atk_…) or a JWT; docs/security.md")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  /** A request and an answer for each operation, as a running platform gave them. */
  @Bean
  OpenApiCustomizer examples() {
    OpenApiExamples examples = OpenApiExamples.load();
    return examples::apply;
  }

  /** The errors every operation can answer, with an example each. */
  @Bean
  OpenApiCustomizer errorResponses() {
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi.getComponents().addSchemas(ERROR_SCHEMA, errorSchema());
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                  addErrors(path, entry.getKey(), entry.getValue());
                }
              });
    };
  }

  private static Schema<?> errorSchema() {
    return new ObjectSchema()
        .description("Every error the API answers")
        .addProperty("error", new StringSchema().description("what went wrong"))
        .addProperty("details", new StringSchema().description("how to fix it, when known"))
        .required(List.of("error"));
  }

  private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    Map<String, String[]> errors = new LinkedHashMap<>();
    errors.put("400", new String[] {"Bad input", "'title' is required"});
    errors.put("401", new String[] {"No or unknown credential", "Authentication required"});
    errors.put("403", new String[] {"The credential lacks the role", "Forbidden: …"});
    if (path.contains("{")) {
      errors.put("404", new String[] {"Unknown id", "Mission not found"});
    }
    if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
      errors.put(
          "409", new String[] {"Not in a state that allows it", "checkpoint execute is pending"});
      errors.put("413", new String[] {"Body over MAX_BODY_SIZE", "Request body too large"});
      errors.put(
          "415", new String[] {"Body that is not JSON", "Content-Type must be application/json"});
    }
    if (path.startsWith("/evidence/") && method == PathItem.HttpMethod.POST) {
      errors.put(
          "422",
          new String[] {
            "Well-formed but refused: a type the platform records itself, an invalid ChangeSpec,"
                + " a backup whose chain does not verify",
            "The backup's chain does not verify: event EVT-M-7-3: hash mismatch (data changed?)"
          });
    }
    if (path.startsWith("/gateway")) {
      errors.put("429", new String[] {"Over ATOMIC_GATEWAY_RATE_LIMIT", "Too many requests"});
    }
    errors.put(
        "503", new String[] {"Maintenance, or a backend unreachable", "Temporal unavailable"});
    errors.forEach(
        (status, text) -> {
          if (!responses.containsKey(status)) {
            responses.addApiResponse(status, error(text[0], text[1]));
          }
        });
    operation.setResponses(responses);
  }

  private static ApiResponse error(String description, String example) {
    Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA);
    MediaType json = new MediaType().schema(ref).example(Map.of("error", example, "details", "…"));
    return new ApiResponse()
        .description(description)
        .content(new Content().addMediaType("application/json", json));
  }
}
