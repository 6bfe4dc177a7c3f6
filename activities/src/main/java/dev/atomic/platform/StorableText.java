package dev.atomic.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text every store of the platform can keep: valid Unicode (no unpaired UTF-16 surrogate, which RFC
 * 8785 canonical JSON and so an evidence hash cannot encode) without NUL characters (which
 * PostgreSQL text cannot hold). The edge refuses other text; {@link #repaired} makes it storable
 * where refusing is no longer possible (a mission failing on data that came past the edge).
 */
public final class StorableText {

  /** What replaces a character no store can keep. */
  public static final char REPLACEMENT = '\uFFFD';

  private StorableText() {}

  /** Why {@code text} cannot be stored, or null when it can. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "holds a NUL character at position " + i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "holds an unpaired UTF-16 surrogate at position " + i;
      }
      if (Character.isLowSurrogate(c)) {
        return "holds an unpaired UTF-16 surrogate at position " + i;
      }
    }
    return null;
  }

  /**
   * The first string in {@code value} (maps, their keys, lists, records, at any depth) that cannot
   * be stored, as {@code 'path' holds …}; null when all can.
   */
  public static String find(Object value, String path) {
    if (value instanceof String text) {
      String problem = problem(text);
      return problem == null ? null : "'" + path + "' " + problem;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String member = path + "." + entry.getKey();
        String problem = find(String.valueOf(entry.getKey()), member);
        if (problem == null) {
          problem = find(entry.getValue(), member);
        }
        if (problem != null) {
          return problem;
        }
      }
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        String problem = find(item, path + "[" + i++ + "]");
        if (problem != null) {
          return problem;
        }
      }
    } else if (value instanceof Record record) {
      for (var component : record.getClass().getRecordComponents()) {
        try {
          component.getAccessor().setAccessible(true);
          String problem =
              find(component.getAccessor().invoke(record), path + "." + component.getName());
          if (problem != null) {
            return problem;
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read " + component, e);
        }
      }
    }
    return null;
  }

  /**
   * {@code text} with each NUL and unpaired surrogate replaced by {@link #REPLACEMENT}, cut to
   * {@code maxChars} (never inside a surrogate pair, ending with {@code …} when cut).
   */
  public static String repaired(String text, int maxChars) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      boolean bad = c == 0 || !pair && Character.isSurrogate(c);
      if (bad && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(bad ? REPLACEMENT : c);
        if (pair) {
          out.append(text.charAt(i + 1));
        }
      }
      if (pair) {
        i++;
      }
    }
    String clean = out == null ? text : out.toString();
    if (clean.length() <= maxChars) {
      return clean;
    }
    int cut = maxChars - 1;
    if (cut > 0 && Character.isHighSurrogate(clean.charAt(cut - 1))) {
      cut--;
    }
    return clean.substring(0, Math.max(0, cut)) + "…";
  }

  /** Every string in the tree, member names included, {@linkplain #repaired repaired}. */
  public static JsonNode repaired(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      String clean = repaired(text, Integer.MAX_VALUE);
      return clean.equals(text) ? node : TextNode.valueOf(clean);
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, repaired(array.get(i)));
      }
    } else if (node instanceof ObjectNode object) {
      List<String> names = List.copyOf(iterable(object.fieldNames()));
      for (String name : names) {
        JsonNode value = repaired(object.get(name));
        String clean = repaired(name, Integer.MAX_VALUE);
        if (!clean.equals(name)) {
          object.remove(name);
        }
        object.set(clean, value);
      }
    }
    return node;
  }

  private static <T> List<T> iterable(Iterator<T> it) {
    List<T> list = new java.util.ArrayList<>();
    it.forEachRemaining(list::add);
    return list;
  }
}
