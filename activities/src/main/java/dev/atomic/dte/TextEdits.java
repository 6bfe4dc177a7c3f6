package dev.atomic.dte;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Map;

/**
 * Edits that work on any file type: {@code editRegex} with RE2 syntax (linear time, so no pattern
 * can hang the engine) and {@code editString} on quoted string literals.
 */
public final class TextEdits {

  private TextEdits() {}

  public static Pattern compile(String regex, String pointer) {
    try {
      return Pattern.compile(regex, Pattern.MULTILINE);
    } catch (PatternSyntaxException e) {
      throw DteException.invalid(pointer + ": not a valid RE2 pattern: " + e.getDescription());
    }
  }

  /** Replaces every match; {@code $1} in the replacement names a group. */
  static String regex(String content, Pattern pattern, String replacement, String pointer) {
    try {
      return pattern.matcher(content).replaceAll(replacement);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw DteException.invalid(
          pointer + ": replacement refers to a missing group: " + e.getMessage());
    }
  }

  /** Replaces the string literal {@code "from"} (or {@code 'from'}) with {@code "to"}. */
  static String stringLiteral(String content, String from, String to) {
    String result = content;
    for (Map.Entry<Character, Character> quote : Map.of('"', '"', '\'', '\'').entrySet()) {
      String q = String.valueOf(quote.getKey());
      result =
          result.replace(q + escape(from, quote.getKey()) + q, q + escape(to, quote.getKey()) + q);
    }
    return result;
  }

  public static String escape(String text, char quote) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c == quote) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
