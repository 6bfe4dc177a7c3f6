package dev.atomic.api.finops;

import dev.atomic.api.web.ApiException;
import dev.atomic.api.web.JsonBodies;
import dev.atomic.finops.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** Reads FinOps request bodies field by field: a wrong type or an unknown field is a 400. */
final class Bodies {

  private Bodies() {}

  /**
   * The body as an object with only {@code allowed} fields.
   *
   * @param shape how the body should look, for the error message
   */
  static JsonNode object(JsonNode body, String shape, Set<String> allowed) {
    return JsonBodies.object(body, allowed, shape);
  }

  /** A USD amount: a JSON number, 0 or more. */
  static BigDecimal amount(JsonNode body, String field, boolean required) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "'" + field + "' is required and must be a number (USD)");
      }
      return null;
    }
    if (!value.isNumber()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' must be a number (USD), got " + value);
    }
    BigDecimal amount = value.decimalValue();
    if (amount.signum() < 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "'" + field + "' must not be negative, got " + amount.toPlainString());
    }
    if (amount.compareTo(Money.MAX) > 0) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' must be at most " + Money.MAX.toPlainString());
    }
    return amount;
  }

  /** A string field, null when absent. */
  static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' must be a string, got " + value);
    }
    return value.asString();
  }

  /** A whole number field, null when absent. */
  static Integer integer(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' must be a whole number, got " + value);
    }
    return value.asInt();
  }

  /** An array of strings, empty when absent. */
  static List<String> strings(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST, "'" + field + "' must be an array of strings, got " + value);
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST, "'" + field + "' must be an array of strings, got " + value);
      }
      items.add(item.asString());
    }
    return items;
  }
}
