package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Kind;
import java.util.List;
import java.util.Locale;

/**
 * The name-aware rule for structured data (JSON, YAML and properties documents read into maps): a
 * value stored under a name that says it is a secret ({@code DB_PASSWORD}, {@code apiKey}, {@code
 * client_secret}) is a secret whatever it looks like, unless the whole value is a placeholder or a
 * reference ({@code changeme}, {@code ${DB_PASSWORD}}, {@code vault:db/password}).
 *
 * <p>The name decides more here than in free text, where {@link Assignments} also asks that the
 * value look random: in a document the name is unambiguously the value's name, so {@code
 * {"DB_PASSWORD": "correct horse"}} is redacted although no text rule would find it.
 */
public final class NamedSecrets {

  /** Reported as the rule of a value redacted for its name. */
  public static final String RULE = Assignments.RULE;

  private NamedSecrets() {}

  // Names whose numeric values are secrets too; a number under "token" is more often a count.
  private static final List<String> NUMERIC =
      List.of("password", "passwd", "passphrase", "pwd", "pass", "secret");

  /** {@code value}, stored under {@code name}, is a secret to redact whole. */
  public static boolean isSecret(String name, String value) {
    return name != null
        && !name.isEmpty()
        && name.length() <= 200
        && Assignments.secretName(name)
        && !Allowlist.isWholePlaceholder(value)
        && !value.equals(Kind.SECRET.placeholder());
  }

  /** A number stored under {@code name} is a secret: the name ends with a password noun. */
  public static boolean isSecretNumber(String name, String number) {
    if (!isSecret(name, number)) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    return NUMERIC.stream().anyMatch(lower::endsWith);
  }

  /**
   * The name each item of a list stored under {@code name} has: {@code apiKeys} holds api keys,
   * {@code passwords} passwords.
   */
  public static String itemName(String name) {
    return name != null && name.length() > 1 && (name.endsWith("s") || name.endsWith("S"))
        ? name.substring(0, name.length() - 1)
        : name;
  }
}
