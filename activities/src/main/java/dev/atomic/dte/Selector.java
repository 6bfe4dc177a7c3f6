package dev.atomic.dte;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed selector such as {@code Identifier[name='UserId']} or {@code
 * CallExpression[callee.object.name='auth'][callee.property.name='login']}. A number may stand
 * unquoted, as in {@code MethodCall[type='a.B'][name='c'][args=2]}.
 *
 * @param kind the part before the first bracket
 * @param attributes attribute → value, in the order written
 */
public record Selector(String kind, Map<String, String> attributes) {

  private static final Pattern WHOLE =
      Pattern.compile("([A-Za-z]+)((?:\\[[A-Za-z.]+\\s*=\\s*(?:'[^']*'|\\d{1,3})\\])+)");
  private static final Pattern ATTRIBUTE =
      Pattern.compile("\\[([A-Za-z.]+)\\s*=\\s*(?:'([^']*)'|(\\d{1,3}))\\]");

  /**
   * Parses a selector.
   *
   * @param pointer where the selector sits in the spec, for the error message
   */
  public static Selector parse(String text, String pointer) {
    if (text == null) {
      throw DteException.invalid(pointer + ": a selector is required");
    }
    Matcher whole = WHOLE.matcher(text.strip());
    if (!whole.matches()) {
      throw DteException.invalid(
          pointer + ": not a selector: '" + text + "' (expected Kind[attribute='value']…)");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher attribute = ATTRIBUTE.matcher(whole.group(2));
    while (attribute.find()) {
      attributes.put(
          attribute.group(1), attribute.group(2) != null ? attribute.group(2) : attribute.group(3));
    }
    return new Selector(whole.group(1), attributes);
  }

  public String attribute(String name) {
    return attributes.get(name);
  }
}
