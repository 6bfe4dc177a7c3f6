package dev.atomic.dte;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses and validates ChangeSpecs against the JSON Schema shipped at {@link #SCHEMA_RESOURCE}.
 * Every problem is reported as {@code <JSON pointer>: <rule>}, e.g. {@code /patches/0/astOp: must
 * be one of [renameSymbol, …]}.
 */
public final class ChangeSpecValidator {

  public static final String SCHEMA_RESOURCE = "dte/changespec.schema.json";

  private static final ObjectMapper MAPPER = JsonMapper.builder().build();
  private static final String SCHEMA_TEXT = loadSchema();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SCHEMA_TEXT, InputFormat.JSON);

  /** The schema document, as served at {@code GET /dte/schema}. */
  public static String schema() {
    return SCHEMA_TEXT;
  }

  /**
   * Parses {@code json} into a ChangeSpec.
   *
   * @throws DteException of kind INVALID listing every violation
   */
  public static ChangeSpec parse(String json) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw DteException.invalid(
          "not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage());
    }
    return parse(tree);
  }

  /** Validates an already-parsed document. */
  public static ChangeSpec parse(JsonNode tree) {
    List<String> violations = violations(tree);
    if (!violations.isEmpty()) {
      throw new DteException(DteException.Kind.INVALID, violations);
    }
    return Json.read(MAPPER.writeValueAsString(tree), ChangeSpec.class);
  }

  /** Every violation of the schema, as {@code pointer: rule}, in document order. */
  public static List<String> violations(JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      return List.of("/: a ChangeSpec must be a JSON object");
    }
    Set<String> messages = new LinkedHashSet<>();
    for (Error error : SCHEMA.validate(tree)) {
      messages.add(describe(error));
    }
    return new ArrayList<>(messages);
  }

  private static String describe(Error error) {
    String pointer = pointer(error.getInstanceLocation().toString());
    JsonNode schema = error.getSchemaNode();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    return switch (keyword) {
      case "enum" -> pointer + ": must be one of " + list(schema);
      case "required" -> pointer + ": missing required property '" + error.getProperty() + "'";
      case "additionalProperties" -> pointer + ": unknown property '" + error.getProperty() + "'";
      case "pattern" -> pointer + ": must match " + schema.asString();
      case "type" -> pointer + ": must be " + schema.asString();
      case "minItems" -> pointer + ": must have at least " + schema.asString() + " item(s)";
      case "maxItems" -> pointer + ": must have at most " + schema.asString() + " items";
      case "minLength" -> pointer + ": must not be empty";
      case "maxLength" -> pointer + ": must be at most " + schema.asString() + " characters";
      case "minimum" -> pointer + ": must be at least " + schema.asString();
      case "maximum" -> pointer + ": must be at most " + schema.asString();
      default -> pointer + ": " + error.getMessage();
    };
  }

  private static String list(JsonNode values) {
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(v.asString()));
    return items.toString();
  }

  /** {@code $.patches[0].astOp} (JSONPath style) becomes {@code /patches/0/astOp}. */
  static String pointer(String path) {
    if (path.isEmpty()) {
      return "/";
    }
    if (path.startsWith("/")) {
      return path; // already a JSON pointer
    }
    String body = path.startsWith("$") ? path.substring(1) : path;
    StringBuilder pointer = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '.') {
        int end = i + 1;
        while (end < body.length() && body.charAt(end) != '.' && body.charAt(end) != '[') {
          end++;
        }
        pointer.append('/').append(body, i + 1, end);
        i = end;
      } else if (c == '[') {
        int end = body.indexOf(']', i);
        String inside = body.substring(i + 1, end);
        if (inside.startsWith("'") && inside.endsWith("'")) {
          inside = inside.substring(1, inside.length() - 1);
        }
        pointer.append('/').append(inside.replace("~", "~0").replace("/", "~1"));
        i = end + 1;
      } else {
        i++;
      }
    }
    return pointer.length() == 0 ? "/" : pointer.toString();
  }

  private static String loadSchema() {
    try (InputStream in =
        ChangeSpecValidator.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ChangeSpecValidator() {}
}
