package dev.atomic.gateway.secrets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.atomic.gateway.CustomPattern;
import dev.atomic.gateway.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a gitleaks-format rule set ({@code .gitleaks.toml}) as custom secret rules, so a team moves
 * its existing rules to Atomic unchanged.
 *
 * <p>Understood: {@code [[rules]]} with {@code id}, {@code description}, {@code regex}, {@code
 * secretGroup}, {@code entropy}, {@code keywords}, {@code tags}, and allowlists as {@code
 * [rules.allowlist]} or {@code [[rules.allowlists]]} ({@code regexes}, {@code regexTarget}, {@code
 * stopwords}, {@code condition = "AND"|"OR"}); the global {@code [allowlist]} / {@code
 * [[allowlists]]}, which applies to every rule of the file; {@code [extend] useDefault}. Atomic's
 * built-in rules stay on whatever {@code useDefault} says: they are the platform's guarantee, and
 * the file adds to them.
 *
 * <p>Refused, naming the rule: a regex RE2 cannot run (look-around, backreferences: they cannot be
 * matched in linear time), a rule with no {@code regex} (gitleaks' path-only rules match file
 * names, not content), {@code [extend] path} or {@code url}. Allowlist {@code paths} and {@code
 * commits} name files and git commits, which content has not; they are refused too, rather than
 * silently widening what is reported.
 */
public final class GitleaksRules {

  private static final TomlMapper TOML = new TomlMapper();

  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "description",
          "regex",
          "secretGroup",
          "entropy",
          "keywords",
          "tags",
          "allowlist",
          "allowlists",
          "path");

  private static final Set<String> ALLOW_KEYS =
      Set.of("description", "regexes", "regexTarget", "stopwords", "condition", "paths", "commits");

  private GitleaksRules() {}

  /**
   * The rules of a {@code .gitleaks.toml} file.
   *
   * @throws IllegalArgumentException naming the file, and the rule where one is at fault
   */
  public static List<CustomPattern> load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the rule set " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /**
   * The rules of a gitleaks-format TOML document.
   *
   * @param source names the document in error messages
   * @throws IllegalArgumentException naming the source, and the rule where one is at fault
   */
  public static List<CustomPattern> parse(String toml, String source) {
    JsonNode root;
    try {
      root = TOML.readTree(toml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid TOML: " + e.getOriginalMessage(), e);
    }
    JsonNode extend = root.path("extend");
    if (extend.has("path") || extend.has("url")) {
      throw new IllegalArgumentException(
          source
              + ": [extend] path and url are not supported; merge the extended file's rules into"
              + " this one");
    }
    List<CustomPattern.Allow> global = new ArrayList<>();
    try {
      global.addAll(allowlists(root, "allowlist", "allowlists"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": [allowlist]: " + e.getMessage(), e);
    }
    List<CustomPattern> rules = new ArrayList<>();
    JsonNode list = root.path("rules");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new IllegalArgumentException(
          source + ": 'rules' must be an array of tables ([[rules]])");
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode rule = list.get(i);
      String id = rule.path("id").asText("");
      String name = id.isBlank() ? "rules[" + i + "]" : id;
      try {
        rules.add(rule(rule, id, global));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source
                + ": rule '"
                + name
                + "': "
                + e.getMessage().replaceFirst("^custom pattern '[^']*': ", ""),
            e);
      }
    }
    return List.copyOf(rules);
  }

  private static CustomPattern rule(JsonNode rule, String id, List<CustomPattern.Allow> global) {
    if (id.isBlank()) {
      throw new IllegalArgumentException("'id' is required");
    }
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!RULE_KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "'");
      }
    }
    if (!rule.path("regex").isTextual() || rule.path("regex").asText().isEmpty()) {
      throw new IllegalArgumentException(
          rule.has("path")
              ? "path-only rules match file names, not content, and are not supported"
              : "'regex' is required");
    }
    if (rule.has("path")) {
      throw new IllegalArgumentException(
          "'path' limits a rule to files by name; content sent to Atomic has no file name");
    }
    int group = 0;
    if (rule.has("secretGroup")) {
      if (!rule.get("secretGroup").canConvertToInt() || rule.get("secretGroup").asInt() < 0) {
        throw new IllegalArgumentException("'secretGroup' must be a group number");
      }
      group = rule.get("secretGroup").asInt();
    }
    Double entropy = null;
    if (rule.has("entropy")) {
      if (!rule.get("entropy").isNumber()) {
        throw new IllegalArgumentException("'entropy' must be a number");
      }
      entropy = rule.get("entropy").asDouble();
    }
    List<CustomPattern.Allow> allows = new ArrayList<>(allowlists(rule, "allowlist", "allowlists"));
    allows.addAll(global);
    return new CustomPattern(
            id,
            Kind.SECRET,
            rule.get("regex").asText(),
            group,
            entropy,
            strings(rule, "keywords"),
            allows)
        .requireValid();
  }

  private static List<CustomPattern.Allow> allowlists(JsonNode owner, String single, String many) {
    List<CustomPattern.Allow> allows = new ArrayList<>();
    if (owner.path(single).isObject()) {
      allows.add(allow(owner.get(single)));
    }
    JsonNode list = owner.path(many);
    for (int i = 0; i < list.size(); i++) {
      allows.add(allow(list.get(i)));
    }
    return allows;
  }

  private static CustomPattern.Allow allow(JsonNode allow) {
    for (Iterator<String> it = allow.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!ALLOW_KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown allowlist key '" + key + "'");
      }
    }
    if (!strings(allow, "paths").isEmpty() || !strings(allow, "commits").isEmpty()) {
      throw new IllegalArgumentException(
          "allowlist 'paths' and 'commits' name files and commits, which content sent to Atomic"
              + " has not; use 'regexes' or 'stopwords'");
    }
    String condition = allow.path("condition").asText("OR").strip();
    if (!condition.equalsIgnoreCase("OR") && !condition.equalsIgnoreCase("AND")) {
      throw new IllegalArgumentException(
          "allowlist 'condition' must be OR or AND, not '" + condition + "'");
    }
    return new CustomPattern.Allow(
        strings(allow, "regexes"),
        strings(allow, "stopwords"),
        allow.has("regexTarget") ? allow.get("regexTarget").asText() : null,
        condition.equalsIgnoreCase("AND"));
  }

  private static List<String> strings(JsonNode owner, String key) {
    JsonNode node = owner.path(key);
    if (node.isMissingNode()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("'" + key + "' must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    node.forEach(
        value -> {
          if (!value.isTextual()) {
            throw new IllegalArgumentException("'" + key + "' must be an array of strings");
          }
          values.add(value.asText());
        });
    return values;
  }
}
