package dev.atomic.gateway;

import dev.atomic.gateway.secrets.NamedSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Redacts structured data (maps, lists and scalars, as JSON and YAML documents are read) with one
 * engine: each value is scanned together with the name it is stored under ({@link
 * RedactionEngine#scanNamed}), so {@code {"DB_PASSWORD": "…"}} is redacted by its name, and every
 * other string is scanned as text. Numbers are redacted under password names only ({@code tokens:
 * 1200} is a count). A list takes the name of its field; a {@code {name|key, value}} pair, as
 * Kubernetes and many APIs write variables, gives the value the pair's name.
 *
 * <p>Deterministic, immutable and thread-safe. Strings longer than the engine's limit are scanned
 * in slices.
 */
public final class StructuredRedaction {

  /**
   * One value that was redacted.
   *
   * @param path where, as a JSONPath ({@code $.data.env[2].value})
   * @param rule the detector that found it
   */
  public record Finding(String path, String rule) {}

  private final RedactionEngine engine;

  public StructuredRedaction(RedactionEngine engine) {
    this.engine = engine;
  }

  /** The value with every secret redacted; the same instance when nothing was found. */
  public Object redact(Object value) {
    return redact(value, "$", finding -> {});
  }

  /**
   * The value with every secret redacted, reporting each redacted value; the same instance when
   * nothing was found.
   */
  public Object redact(Object value, String path, Consumer<Finding> found) {
    return value(null, value, path, found);
  }

  /** As {@link #redact(Object, String, Consumer)}, for a value stored under {@code name}. */
  public Object redact(String name, Object value, String path, Consumer<Finding> found) {
    return value(name, value, path, found);
  }

  /** A map's entries redacted; the same instance when nothing was found. */
  public Map<String, Object> redactMap(Map<String, Object> map) {
    return map(map, "$", finding -> {});
  }

  private Object value(String name, Object value, String path, Consumer<Finding> found) {
    if (value instanceof String text) {
      return text(name, text, path, found);
    }
    if (value instanceof Map<?, ?> map) {
      return map(map, path, found);
    }
    if (value instanceof List<?> list) {
      List<Object> clean = new ArrayList<>(list.size());
      boolean changed = false;
      String itemName = NamedSecrets.itemName(name);
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        Object redacted = value(itemName, item, path + "[" + i + "]", found);
        changed |= redacted != item;
        clean.add(redacted);
      }
      return changed ? clean : value;
    }
    if ((value instanceof Number || value instanceof Character)
        && NamedSecrets.isSecretNumber(name, value.toString())) {
      found.accept(new Finding(path, NamedSecrets.RULE));
      return Kind.SECRET.placeholder();
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private <K> Map<K, Object> map(Map<K, ?> map, String path, Consumer<Finding> found) {
    String pairName = pairName(map);
    Map<K, Object> clean = new LinkedHashMap<>();
    boolean changed = false;
    for (Map.Entry<K, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String name = pairName != null && key.equals("value") ? pairName : key;
      Object redacted = value(name, entry.getValue(), path + member(key), found);
      changed |= redacted != entry.getValue();
      clean.put(entry.getKey(), redacted);
    }
    return changed ? clean : (Map<K, Object>) map;
  }

  /** The name of a {@code {name|key, value}} pair, or null when the map is not one. */
  private static String pairName(Map<?, ?> map) {
    if (!map.containsKey("value")) {
      return null;
    }
    Object name = map.containsKey("name") ? map.get("name") : map.get("key");
    return name instanceof String text ? text : null;
  }

  private String text(String name, String text, String path, Consumer<Finding> found) {
    int limit = engine.config().maxInputChars();
    if (text.length() <= limit) {
      RedactionResult result = engine.scanNamed(name, text);
      if (!result.found()) {
        if (encodesSecret(text)) {
          // Base64 of text with a secret in it: a part of base64 would still decode.
          found.accept(new Finding(path, "base64_secret"));
          return Kind.SECRET.placeholder();
        }
        return text;
      }
      result.redactions().forEach(r -> found.accept(new Finding(path, r.rule())));
      return result.sanitized();
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean changed = false;
    for (int from = 0; from < text.length(); from += limit) {
      String slice = text.substring(from, Math.min(text.length(), from + limit));
      RedactionResult result = engine.scan(slice);
      result.redactions().forEach(r -> found.accept(new Finding(path, r.rule())));
      changed |= result.found();
      out.append(result.sanitized());
    }
    return changed ? out.toString() : text;
  }

  /** Base64 (standard or URL-safe) of UTF-8 text in which the engine finds a secret. */
  private boolean encodesSecret(String text) {
    if (text.length() < 24 || text.length() > 65_536 || !BASE64.matcher(text).matches()) {
      return false;
    }
    byte[] bytes = Validators.base64(text);
    String decoded = bytes == null ? null : dev.atomic.platform.Utf8.decodeOrNull(bytes);
    return decoded != null
        && engine.scan(decoded).redactions().stream().anyMatch(r -> r.kind() == Kind.SECRET);
  }

  private static final java.util.regex.Pattern BASE64 =
      java.util.regex.Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");

  private static String member(String key) {
    return key.matches("[A-Za-z_][A-Za-z0-9_]*")
        ? "." + key
        : "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }
}
