package dev.atomic.api.web;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Refuses, with a 400 that names the field, request text that a later step could not store: an
 * unpaired UTF-16 surrogate (RFC 8785 canonical JSON, and so an evidence event, cannot encode it)
 * or a NUL character (PostgreSQL text cannot hold it). Checked on every JSON body, nested members
 * and names included, before any controller sees it, so nothing is half-written.
 */
@ControllerAdvice
class StorableText extends RequestBodyAdviceAdapter {

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    check(body, "");
    return body;
  }

  /** Throws a 400 naming the first member of {@code value} that holds unstorable text. */
  static void check(Object value, String path) {
    if (value instanceof String text) {
      String problem = problem(text);
      if (problem != null) {
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "'" + (path.isEmpty() ? "body" : path) + "' " + problem,
            "text must be valid Unicode without NUL characters");
      }
    } else if (value instanceof JsonNode node) {
      checkNode(node, path);
    } else if (value instanceof com.fasterxml.jackson.databind.JsonNode node) {
      checkLegacyNode(node, path);
    } else if (value instanceof Record record) {
      for (var component : record.getClass().getRecordComponents()) {
        try {
          component.getAccessor().setAccessible(true);
          check(component.getAccessor().invoke(record), join(path, component.getName()));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            check(key, join(path, String.valueOf(key)));
            check(item, join(path, String.valueOf(key)));
          });
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        check(item, path + "[" + i++ + "]");
      }
    }
  }

  private static void checkNode(JsonNode node, String path) {
    if (node.isString()) {
      check(node.asString(), path);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkNode(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      for (String name : node.propertyNames()) {
        check(name, join(path, name));
        checkNode(node.get(name), join(path, name));
      }
    }
  }

  private static void checkLegacyNode(com.fasterxml.jackson.databind.JsonNode node, String path) {
    if (node.isTextual()) {
      check(node.asText(), path);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkLegacyNode(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              name -> {
                check(name, join(path, name));
                checkLegacyNode(node.get(name), join(path, name));
              });
    }
  }

  /** Why {@code text} cannot be stored, or null. */
  static String problem(String text) {
    return dev.atomic.platform.StorableText.problem(text);
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
