package dev.atomic.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.atomic.platform.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An example request and answer for each operation, from {@code openapi-examples.json}: calls made
 * against a running platform, keyed {@code METHOD /path}, with machine paths and secrets replaced.
 * Binary answers (audit packs, diffs, the public key) name their media type instead.
 */
final class OpenApiExamples {

  static final String RESOURCE = "/openapi-examples.json";

  /** One operation's example; {@code mediaType} for an answer that is not JSON. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Example(int status, Object request, Object response, String mediaType) {}

  private final Map<String, Example> examples;

  private OpenApiExamples(Map<String, Example> examples) {
    this.examples = examples;
  }

  static OpenApiExamples load() {
    try (InputStream in = OpenApiExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return new OpenApiExamples(
          Json.mapper().readValue(in, new TypeReference<Map<String, Example>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  void apply(OpenAPI openApi) {
    if (openApi.getPaths() == null) {
      return;
    }
    openApi
        .getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach(
                        (method, operation) -> {
                          Example example = examples.get(key(method, path));
                          if (example != null) {
                            apply(example, operation);
                          }
                        }));
  }

  static String key(PathItem.HttpMethod method, String path) {
    return method.name().toUpperCase(Locale.ROOT) + " " + path;
  }

  private static void apply(Example example, Operation operation) {
    if (example.request() != null) {
      RequestBody body = operation.getRequestBody();
      if (body == null) {
        body = new RequestBody().required(false);
        operation.setRequestBody(body);
      }
      body.setContent(json(schemaOf(body.getContent()), example.request()));
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    String status = String.valueOf(example.status());
    ApiResponse response = responses.get(status);
    if (response == null) {
      HttpStatus known = HttpStatus.resolve(example.status());
      response = new ApiResponse().description(known == null ? status : known.getReasonPhrase());
      responses.addApiResponse(status, response);
    }
    if (example.mediaType() != null) {
      response.setContent(
          new Content()
              .addMediaType(example.mediaType(), new MediaType().schema(new BinarySchema())));
    } else {
      response.setContent(json(schemaOf(response.getContent()), example.response()));
    }
    if (!status.equals("200")) {
      // springdoc assumes 200 for every mapping; the example says what the call answers
      ApiResponse assumed = responses.get("200");
      if (assumed != null && example.status() / 100 == 2) {
        responses.remove("200");
      }
    }
    operation.setResponses(responses);
  }

  private static Schema<?> schemaOf(Content content) {
    if (content != null) {
      for (MediaType media : content.values()) {
        if (media.getSchema() != null) {
          return media.getSchema();
        }
      }
    }
    return new ObjectSchema();
  }

  private static Content json(Schema<?> schema, Object example) {
    return new Content()
        .addMediaType("application/json", new MediaType().schema(schema).example(example));
  }
}
