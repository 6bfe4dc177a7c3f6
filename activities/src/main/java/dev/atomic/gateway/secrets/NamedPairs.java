package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code generic_secret} where a document names a value in one place and gives it in another:
 * {@code <add key="ClearTextPassword" value="…"/>} (XML and .NET config, nuget.config), {@code -
 * name: DB_PASSWORD} then {@code value: …} (Kubernetes env lists), {@code variable "db_password" {
 * default = "…" }} (Terraform), and {@code machine … login … password …} (.netrc). The name
 * decides; the value must not be a placeholder or reference.
 *
 * <p>Each form is a bounded regex run once at its keyword, so the cost per occurrence is fixed.
 */
final class NamedPairs implements KeywordDetector {

  private static final Pattern XML =
      Pattern.compile(
          "(?:key|name)[ \\t]{0,4}=[ \\t]{0,4}\"(?<n>[^\"<>\\n]{1,80})\"[ \\t\\n]{1,40}value[ \\t]{0,4}=[ \\t]{0,4}\"(?<v>[^\"\\n]{1,512})\"");

  private static final Pattern YAML_ENV =
      Pattern.compile(
          "name:[ \\t]{1,4}[\"']?(?<n>[A-Za-z0-9_.-]{1,80})[\"']?[ \\t]{0,8}\\r?\\n[ \\t]{0,40}value:[ \\t]{1,4}(?<q>[\"']?)(?<v>[^\"'\\n]{1,512})\\k<q>");

  private static final Pattern HCL =
      Pattern.compile(
          "variable[ \\t]{1,4}\"(?<n>[A-Za-z0-9_-]{1,80})\"[ \\t]{0,4}\\{[^{}]{0,300}?default[ \\t]{0,8}=[ \\t]{0,8}\"(?<v>[^\"\\n]{1,512})\"");

  /** A cheap look ahead, so the regex runs only where its form can be. */
  private static boolean worthMatching(Pattern pattern, String text, int hit) {
    int limit = Math.min(text.length(), hit + 400);
    if (pattern == XML) {
      int eq = text.indexOf('=', hit);
      int quote = eq < 0 ? -1 : eq + 1;
      while (quote > 0
          && quote < limit
          && (text.charAt(quote) == ' ' || text.charAt(quote) == '\t')) {
        quote++;
      }
      return quote > 0
          && quote < limit
          && text.charAt(quote) == '"'
          && indexOf(text, "value", quote, limit) >= 0;
    }
    if (pattern == YAML_ENV) {
      int newline = text.indexOf('\n', hit);
      return newline > 0
          && newline < limit
          && indexOf(text, "value:", newline, Math.min(limit, newline + 48)) >= 0;
    }
    if (pattern == HCL) {
      return indexOf(text, "default", hit, limit) >= 0;
    }
    return indexOf(text, "password", hit, Math.min(text.length(), hit + 600)) >= 0;
  }

  private static int indexOf(String text, String word, int from, int to) {
    int at = text.indexOf(word, from);
    return at >= 0 && at + word.length() <= to ? at : -1;
  }

  private static final Pattern NETRC =
      Pattern.compile(
          "machine[ \\t]+\\S{1,255}[ \\t\\n]+(?:login[ \\t]+\\S{1,255}[ \\t\\n]+)?password[ \\t]+(?<v>\\S{1,512})");

  @Override
  public List<String> keywords() {
    return List.of("key=", "key =", "name=", "name:", "variable", "machine");
  }

  @Override
  public List<String> types() {
    return List.of(Assignments.RULE);
  }

  @Override
  public int at(String text, int hit, Consumer<Candidate> out) {
    char first = Character.toLowerCase(text.charAt(hit));
    Pattern pattern =
        switch (first) {
          case 'k' -> XML;
          case 'n' -> text.startsWith(":", hit + 4) ? YAML_ENV : XML;
          case 'v' -> HCL;
          default -> NETRC;
        };
    if (!worthMatching(pattern, text, hit)) {
      return hit + 1;
    }
    Matcher m = pattern.matcher(text);
    m.region(hit, Math.min(text.length(), hit + 1200));
    if (!m.lookingAt()) {
      return hit + 1;
    }
    String value = m.group("v").strip();
    boolean named = pattern == NETRC || Assignments.secretName(m.group("n"));
    if (named
        && value.length() >= 4
        && !Allowlist.isWholePlaceholder(value)
        && !value.startsWith("$")) {
      int start = m.start("v") + (m.group("v").length() - m.group("v").stripLeading().length());
      out.accept(
          new Candidate(
              start, start + value.length(), Kind.SECRET, Assignments.RULE, SecretRule.CONTEXT));
    }
    return m.end();
  }
}
