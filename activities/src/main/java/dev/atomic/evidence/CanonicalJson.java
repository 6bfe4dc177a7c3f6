package dev.atomic.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.atomic.platform.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * RFC 8785 (JSON Canonicalization Scheme) text of a JSON value: object members sorted by the UTF-16
 * code units of their names, no whitespace, numbers as ECMAScript prints them, strings with the
 * RFC's minimal escaping.
 *
 * <p>JCS reads every number as an IEEE-754 double, so two integers beyond 2<sup>53</sup> could
 * share one canonical form, and a lone surrogate has no UTF-8 form. Both would let different
 * documents hash alike, so both are refused here: such values belong in strings.
 */
public final class CanonicalJson {

  private static final BigInteger MAX_SAFE_INTEGER = BigInteger.valueOf((1L << 53) - 1);

  private CanonicalJson() {}

  /**
   * The canonical text of {@code value}.
   *
   * @throws IllegalArgumentException for an integer beyond ±(2<sup>53</sup>−1), a NaN or infinite
   *     number, or a string with an unpaired surrogate; the message names where
   */
  public static String of(JsonNode value) {
    check(value, "$");
    try {
      return new JsonCanonicalizer(Json.mapper().writeValueAsString(value)).getEncodedString();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serializable as JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new IllegalArgumentException("not canonicalizable: " + e.getMessage(), e);
    }
  }

  /** The canonical text of {@code value} as UTF-8 bytes. */
  public static byte[] utf8(JsonNode value) {
    return of(value).getBytes(StandardCharsets.UTF_8);
  }

  private static void check(JsonNode node, String path) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String child = path + "." + field.getKey();
        checkString(field.getKey(), child + " (name)");
        check(field.getValue(), child);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), path + "[" + i + "]");
      }
    } else if (node.isTextual()) {
      checkString(node.textValue(), path);
    } else if (node.isIntegralNumber()) {
      if (node.bigIntegerValue().abs().compareTo(MAX_SAFE_INTEGER) > 0) {
        throw new IllegalArgumentException(
            path
                + ": integer "
                + node.bigIntegerValue()
                + " is beyond ±(2^53-1); store it as a string");
      }
    } else if (node.isNumber()) {
      if (!Double.isFinite(node.doubleValue())) {
        throw new IllegalArgumentException(path + ": " + node.asText() + " is not a JSON number");
      }
    }
  }

  private static void checkString(String text, String path) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(path + ": unpaired surrogate at index " + i);
      }
    }
  }
}
