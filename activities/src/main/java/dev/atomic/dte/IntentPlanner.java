package dev.atomic.dte;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a plain-language intent of a supported form into a ChangeSpec. Anything else is refused
 * with the list of forms, never guessed.
 */
public final class IntentPlanner {

  /** The forms {@link #plan} understands, as shown to users. */
  public static final List<String> FORMS =
      List.of(
          "Rename <Name> to <NewName>            (a class, interface, enum, record, method or field)",
          "Rename <pkg.Type>.<member> to <newName> (a method or field of one type)",
          "Move package <a.b> to <c.d>",
          "Replace <Type>.<method> with <Type>.<newMethod>",
          "Replace \"<text>\" with \"<new text>\"  (string literals)");

  private static final String ID = "[A-Za-z_$][\\w$]*";
  private static final String QUALIFIED = ID + "(?:\\." + ID + ")*";
  private static final Pattern RENAME_MEMBER =
      Pattern.compile("(?i)rename\\s+(" + QUALIFIED + ")\\.(" + ID + ")\\s+to\\s+(" + ID + ")");
  private static final Pattern RENAME =
      Pattern.compile("(?i)rename\\s+(" + ID + ")\\s+to\\s+(" + ID + ")");
  private static final Pattern MOVE =
      Pattern.compile("(?i)move\\s+package\\s+(" + QUALIFIED + ")\\s+to\\s+(" + QUALIFIED + ")");
  private static final Pattern REPLACE_CALL =
      Pattern.compile(
          "(?i)replace\\s+("
              + QUALIFIED
              + ")\\.("
              + ID
              + ")(?:\\(\\))?\\s+with\\s+(?:("
              + QUALIFIED
              + ")\\.)?("
              + ID
              + ")(?:\\(\\))?");
  private static final Pattern REPLACE_STRING =
      Pattern.compile("(?i)replace\\s+\"([^\"]*)\"\\s+with\\s+\"([^\"]*)\"");

  private IntentPlanner() {}

  /**
   * A ChangeSpec for {@code intent} over {@code scope}.
   *
   * @param language null to infer it from the scope's file extensions
   * @throws DteException UNSUPPORTED for an intent of no known form, or an AST intent in a language
   *     without a pack
   */
  public static ChangeSpec plan(
      String id,
      String intent,
      List<String> scope,
      String language,
      String createdBy,
      String timestamp) {
    String text = intent == null ? "" : intent.strip().replaceAll("\\s+", " ");
    String lang = language != null ? language : inferLanguage(scope);
    ChangeSpec.Patch patch = patch(text);
    if (patch == null) {
      throw DteException.unsupported(
          "cannot plan the intent '"
              + text
              + "'; supported forms:\n  "
              + String.join("\n  ", FORMS));
    }
    if (!"java".equals(lang) && !DteEngine.TEXT_OPERATIONS.contains(patch.astOp())) {
      throw DteException.unsupported(
          "language pack not available: " + lang + " (" + DteEngine.AVAILABLE + ")");
    }
    ChangeSpec spec =
        new ChangeSpec(
            id,
            text,
            scope,
            lang,
            List.of(),
            List.of(patch),
            List.of(),
            new ChangeSpec.TestPlan("augment", List.of(), null),
            "medium",
            Map.of("createdBy", createdBy, "timestamp", timestamp));
    // The planner's output must pass the same validation as a hand-written spec.
    return ChangeSpecValidator.parse(dev.atomic.platform.Json.write(spec));
  }

  private static ChangeSpec.Patch patch(String text) {
    Matcher m;
    if ((m = REPLACE_STRING.matcher(text)).matches()) {
      return new ChangeSpec.Patch(
          null, "editString", null, Map.of("from", m.group(1), "to", m.group(2)));
    }
    if ((m = MOVE.matcher(text)).matches()) {
      return new ChangeSpec.Patch(
          null, "moveModule", null, Map.of("from", m.group(1), "to", m.group(2)));
    }
    if ((m = REPLACE_CALL.matcher(text)).matches()) {
      return new ChangeSpec.Patch(
          null,
          "replaceAPI",
          "MethodCall[type='" + m.group(1) + "'][name='" + m.group(2) + "']",
          Map.of("newProperty", m.group(4)));
    }
    if ((m = RENAME_MEMBER.matcher(text)).matches()) {
      String member = m.group(2);
      String kind = Character.isUpperCase(member.charAt(0)) ? "Type" : "Method";
      if (kind.equals("Type")) {
        return new ChangeSpec.Patch(
            null,
            "renameSymbol",
            "Type[fqn='" + m.group(1) + "." + member + "']",
            Map.of("newName", m.group(3)));
      }
      return new ChangeSpec.Patch(
          null,
          "renameSymbol",
          "Method[type='" + m.group(1) + "'][name='" + member + "']",
          Map.of("newName", m.group(3)));
    }
    if ((m = RENAME.matcher(text)).matches()) {
      return new ChangeSpec.Patch(
          null,
          "renameSymbol",
          "Identifier[name='" + m.group(1) + "']",
          Map.of("newName", m.group(2)));
    }
    return null;
  }

  static String inferLanguage(List<String> scope) {
    for (String entry : scope) {
      String lower = entry.toLowerCase(java.util.Locale.ROOT);
      if (lower.endsWith(".ts") || lower.endsWith(".tsx")) {
        return "typescript";
      }
      if (lower.endsWith(".js") || lower.endsWith(".jsx") || lower.endsWith(".mjs")) {
        return "javascript";
      }
      if (lower.endsWith(".py")) {
        return "python";
      }
    }
    return "java";
  }
}
