package dev.atomic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.cli.TestPlatform.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document lists every mapping of every controller, with the error shape. */
class OpenApiIT {

  private final TestPlatform platform = TestPlatform.shared();

  @Test
  void theDocumentIsOpenApi31AndHoldsEveryControllerMappingWithItsErrors() {
    Response response = platform.get("/v3/api-docs");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode doc = response.json();

    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    JsonNode error = doc.at("/components/schemas/ApiError");
    assertThat(error.path("properties").has("error")).as(error.toString()).isTrue();
    assertThat(error.path("properties").has("details")).as(error.toString()).isTrue();
    assertThat(error.path("required").toString()).contains("error");
    List<String> missing = new ArrayList<>();
    RequestMappingHandlerMapping mappings =
        platform
            .platform
            .context()
            .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    int checked = 0;
    List<String> withoutExample = new ArrayList<>();
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("dev.atomic")) {
        continue;
      }
      for (String path : info.getPatternValues()) {
        for (var method : info.getMethodsCondition().getMethods()) {
          JsonNode operation =
              doc.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
          checked++;
          if (operation.isMissingNode()) {
            missing.add(method + " " + path + " (" + handler.getMethod().getName() + ")");
          } else {
            assertThat(
                    operation.at("/responses/400/content/application~1json/schema/$ref").asText())
                .as(method + " " + path)
                .isEqualTo("#/components/schemas/ApiError");
            if (!hasSuccessExample(operation)) {
              withoutExample.add(method + " " + path + " (answer)");
            }
            if (operation.has("requestBody")
                && operation.at("/requestBody/content/application~1json/example").isMissingNode()) {
              withoutExample.add(method + " " + path + " (request)");
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(35);
    assertThat(missing).as("mappings missing from the OpenAPI document").isEmpty();
    assertThat(withoutExample).as("operations without an example").isEmpty();
    assertThat(platform.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  /** A 2xx answer with a JSON example, or one that names a media type that is not JSON. */
  private static boolean hasSuccessExample(JsonNode operation) {
    var statuses = operation.path("responses").fields();
    while (statuses.hasNext()) {
      var status = statuses.next();
      if (!status.getKey().startsWith("2")) {
        continue;
      }
      var media = status.getValue().path("content").fields();
      while (media.hasNext()) {
        var type = media.next();
        if (!type.getKey().equals("application/json") || type.getValue().has("example")) {
          return true;
        }
      }
    }
    return false;
  }
}
