package dev.atomic.gateway.secrets;

import dev.atomic.gateway.KeywordIndex;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that look like credentials but are not: keys published in vendor documentation, template
 * placeholders, references to where the real value lives, and identifiers such as UUIDs and hashes.
 */
public final class Allowlist {

  // Fragments of keys printed in vendor documentation; split so the sources do not themselves
  // look like credentials.
  private static final List<String> DOCUMENTED =
      List.of(
          "EXAMPLE", // AWS: AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
          "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV" + "_adQssw5c", // the jwt.io sample token's signature
          "4eC39HqLyjWDar" + "jtT1zdp7dc", // Stripe's documented test key
          "16C7e42F292c6912E7710c" + "838347Ae178B4a"); // GitHub's documented token

  private static final List<String> PLACEHOLDER_WORDS =
      List.of(
          "your_",
          "your-",
          "yourapi",
          "yoursecret",
          "yourtoken",
          "yourpass",
          "placeholder",
          "redacted",
          "changeme",
          "change_me",
          "change-me",
          "example",
          "dummy",
          "sample",
          "replace",
          "insert",
          "xxxx",
          "****",
          "....",
          "••",
          "fixme",
          "goes_here",
          "goes-here",
          "_here",
          "-here",
          "notreal",
          "not_real",
          "not-a-real",
          "fake_",
          "fake-",
          "mysecret",
          "mypassword",
          "secretvalue",
          "${",
          "{{");

  // One pass over the value finds any of the words.
  private static final KeywordIndex PLACEHOLDER_INDEX = new KeywordIndex(PLACEHOLDER_WORDS);

  private static final Set<String> PLACEHOLDER_VALUES =
      Set.of(
          "password",
          "passwd",
          "secret",
          "token",
          "apikey",
          "api_key",
          "api-key",
          "null",
          "none",
          "nil",
          "undefined",
          "true",
          "false",
          "test",
          "testing",
          "admin",
          "root",
          "pass",
          "string",
          "str",
          "empty",
          "default",
          "required",
          "optional",
          "hidden",
          "masked",
          "notset",
          "not_set",
          "n/a",
          "tbd",
          "unknown",
          "secret_key",
          "access_token",
          "bearer",
          "token_here",
          "your_token");

  private static final List<String> REFERENCE_PREFIXES =
      List.of(
          "enc[", // SOPS-encrypted value
          "pk.", // Mapbox public token
          "pk_live_", // Stripe publishable keys
          "pk_test_",
          "process.env",
          "os.environ",
          "os.getenv",
          "env.",
          "env(",
          "env:",
          "secrets.",
          "vault:",
          "enc(",
          "system.getenv",
          "import.meta.env",
          "settings.",
          "config.",
          "context.",
          "var.",
          "ssm:",
          "arn:",
          "sm://",
          "op://",
          "file:",
          "/run/secrets/",
          "/var/run/secrets/");

  // Whole-value templates: <x>, {x}, [x], %s, %(name)s, %VAR%, $VAR, ${x}, $(x), #{x}, @x@, ***…
  private static final Pattern TEMPLATE =
      Pattern.compile(
          "<[^<>]*>|\\{.*}|\\[[^\\[\\]]*]|%[sdr]|%\\(\\w+\\)[sdr]|%\\w+%|\\$\\w+|\\$[{(].*|#\\{.*}|@\\w+@|\\*{2}.*",
          Pattern.DOTALL);

  // A value made only of these characters masks a secret: ****, xxxx, ••••, ----.
  private static final String MASKS = "*x.\u2022-#";

  private static final Pattern OCTOPUS = Pattern.compile("#\\{[^{}]{1,200}}#?");

  private static final Pattern WORDS = Pattern.compile("[A-Za-z_ .-]*[0-9]{0,4}");

  // A YAML tag resolved elsewhere (!vault_ref x, !Ref x, !secret x); a public client token
  // (Datadog RUM's pub + 32 hex), which a browser is meant to see.
  private static final Pattern NOT_A_VALUE =
      Pattern.compile("![A-Za-z][A-Za-z_]*(\\s.*)?|pub[0-9a-f]{32}", Pattern.DOTALL);

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Allowlist() {}

  public static boolean isDocumentedExample(String value) {
    for (String fragment : DOCUMENTED) {
      if (value.contains(fragment)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A template variable ({@code ${SECRET}}, {@code {{ token }}}, {@code <password>}, {@code %s}), a
   * word that stands for a value ({@code YOUR_API_KEY}, {@code changeme}) or a reference to where
   * the value is kept ({@code process.env.TOKEN}).
   */
  public static boolean isPlaceholder(String value) {
    if (value.isEmpty()) {
      return true;
    }
    if ((value.charAt(0) == '!' || value.startsWith("pub"))
        && NOT_A_VALUE.matcher(value).matches()) {
      return true;
    }
    if ("<{[%$#@*".indexOf(value.charAt(0)) >= 0 && TEMPLATE.matcher(value).matches()) {
      return true;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (PLACEHOLDER_VALUES.contains(lower)) {
      return true;
    }
    boolean[] found = {false};
    PLACEHOLDER_INDEX.scan(lower, (k, start) -> found[0] = true);
    if (found[0]) {
      return true;
    }
    for (String prefix : REFERENCE_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The whole value stands for a secret rather than being one: empty, a template variable, a word
   * such as {@code changeme} or {@code null}, a reference to where the value is kept, a mask
   * ({@code ****}, {@code xxxx}) or a redaction placeholder. Unlike {@link #isPlaceholder}, a
   * placeholder word merely contained in the value does not count.
   */
  public static boolean isWholePlaceholder(String value) {
    String v = value.strip();
    if (v.isEmpty()) {
      return true;
    }
    if ("<{[%$#@*".indexOf(v.charAt(0)) >= 0 && TEMPLATE.matcher(v).matches()) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (PLACEHOLDER_VALUES.contains(lower) || lower.chars().allMatch(c -> MASKS.indexOf(c) >= 0)) {
      return true;
    }
    if (v.contains("****")
        || v.contains("\u2022\u2022\u2022")
        || OCTOPUS.matcher(v).matches()
        || (v.charAt(0) == '!' || v.startsWith("pub")) && NOT_A_VALUE.matcher(v).matches()) {
      // Masked (sk_live_****adkI) or an Octopus Deploy variable (#{DbPassword}#).
      return true;
    }
    if (isPlaceholder(v) && WORDS.matcher(v).matches()) {
      // changeme, YOUR_API_KEY_HERE, insert-token-here: placeholder words and nothing random.
      return true;
    }
    for (String prefix : REFERENCE_PREFIXES) {
      if (lower.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public static boolean isUuid(String value) {
    return value.length() == 36 && UUID.matcher(value).matches();
  }
}
