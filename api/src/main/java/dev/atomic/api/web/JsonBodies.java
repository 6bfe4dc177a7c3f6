package dev.atomic.api.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Field checks for JSON request bodies, each failure a 400 that names the field. */
public final class JsonBodies {

  public static final int MAX_TEXT = 2000;

  private JsonBodies() {}

  /** The body as an object with only {@code allowed} members. */
  public static JsonNode object(JsonNode body, Set<String> allowed, String shape) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Request body is required", shape);
    }
    if (!body.isObject()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "Request body must be a JSON object", shape);
    }
    List<String> unknown = new ArrayList<>();
    for (String name : body.propertyNames()) {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "Unknown field(s) " + unknown, "allowed: " + shape);
    }
    return body;
  }

  public static String requiredText(JsonNode body, String field) {
    String value = optionalText(body, field);
    if (value == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'" + field + "' is required");
    }
    return value;
  }

  /** A non-blank string member, trimmed; null when absent or JSON null. */
  public static String optionalText(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'" + field + "' must be a string");
    }
    String text = value.asString().strip();
    if (text.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "'" + field + "' must not be empty");
    }
    if (text.length() > MAX_TEXT) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' is longer than " + MAX_TEXT + " characters");
    }
    return text;
  }

  public static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return null;
  }
}
