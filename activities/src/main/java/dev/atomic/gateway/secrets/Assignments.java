package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.Validators;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Finds {@code generic_secret}: a value assigned to a name that says it is a secret, in the forms
 * developers write: {@code DB_PASSWORD=…}, {@code password: "…"}, {@code "apiKey": "…"}, {@code
 * api_key => '…'}, {@code token := "…"}, {@code setPassword("…")}, {@code put("client_secret",
 * "…")}, {@code <password>…</password>}, {@code --password …} and {@code ?api_key=…}.
 *
 * <p>A hand-written parser rather than a regex: it starts at a keyword found by the prefilter,
 * widens to the whole name, and reads one separator and one value, so its cost is linear in the
 * length of the name and value. The name must end with a secret noun ({@code password}, {@code
 * secret}, {@code token}, {@code api_key}…), so {@code password_file}, {@code private_key_id} and
 * {@code token_url} are not secrets; the value must pass {@link Validators#plausibleSecret}, which
 * rejects placeholders, references and identifiers.
 */
final class Assignments implements KeywordDetector {

  static final String RULE = "generic_secret";
  static final List<String> KEYWORDS =
      List.of("pass", "pwd", "secret", "token", "key", "credential", "auth");

  private static final List<String> NOUNS =
      List.of(
          "password",
          "passwd",
          "passphrase",
          "pwd",
          "pass",
          "secret",
          "secretkey",
          "apikey",
          "apisecret",
          "accesskey",
          "privatekey",
          "token",
          "credentials",
          "credential",
          "accountkey",
          "masterkey",
          "signingkey",
          "encryptionkey",
          "authkey",
          "sharedkey",
          "clientkey",
          "storagekey",
          "writekey",
          "dsn",
          "dsnkey",
          "pat",
          "basicauth",
          "authorization",
          "secretkeybase");

  // Names that are secrets only as a whole: Docker's config.json "auth" holds base64 user:password.
  private static final List<String> EXACT = List.of("auth", "authstring");

  // Names ending in a secret noun that hold something else.
  private static final List<String> NOT_SECRET =
      List.of(
          "bypass",
          "compass",
          "overpass",
          "underpass",
          "surpass",
          "compat",
          "pagetoken",
          "continuationtoken",
          "synctoken",
          "cursortoken",
          "canceltoken",
          "cancellationtoken",
          "resumetoken",
          "csrftoken");

  private static final int MAX_KEY = 80;
  private static final int MAX_VALUE = 512;

  @Override
  public List<String> keywords() {
    return KEYWORDS;
  }

  @Override
  public List<String> types() {
    return List.of(RULE);
  }

  /**
   * Parses the assignment whose name contains the keyword at {@code hit}; returns where the value
   * ends, or the name when there is no value.
   */
  @Override
  public int at(String text, int hit, Consumer<Candidate> out) {
    int n = text.length();
    int ks = hit;
    while (ks > 0 && hit - ks < MAX_KEY && isKeyChar(text.charAt(ks - 1))) {
      ks--;
    }
    int ke = hit;
    while (ke < n && ke - ks < MAX_KEY && isKeyChar(text.charAt(ke))) {
      ke++;
    }
    while (ke > ks && (text.charAt(ke - 1) == '.' || text.charAt(ke - 1) == '-')) {
      ke--;
    }
    if (ke <= hit) {
      return ke;
    }
    boolean cli = text.charAt(ks) == '-';
    char open = ks > 0 ? text.charAt(ks - 1) : ' ';
    int i = ke;
    boolean quotedKey = false;
    if (i + 1 < n
        && text.charAt(i) == '\\'
        && text.charAt(i + 1) == open
        && (open == '"' || open == '\'')) {
      i += 2;
      quotedKey = true;
    } else if (i < n && (open == '"' || open == '\'') && text.charAt(i) == open) {
      i++;
      quotedKey = true;
    }
    if (i < n && text.charAt(i) == ']') {
      i++;
    }
    int spaces = skipBlanks(text, i);
    boolean blanks = spaces > i;
    i = spaces;
    if (i >= n) {
      return ke;
    }
    char c = text.charAt(i);
    char next = i + 1 < n ? text.charAt(i + 1) : ' ';
    boolean quotedOnly = false;
    if ((c == '=' || c == '!') && next == '=' || c == ':' && next == ':') {
      return ke;
    } else if (c == ':' && next == '=' || c == '=' && next == '>') {
      i += 2;
    } else if (c == '=' || c == ':') {
      i++;
    } else if (c == '(' && predicate(text, ks, ke)) {
      // isToken("…"), looks_like_token("…"): a check on a value, not an assignment of one.
      return ke;
    } else if (c == '(' || c == ',' && quotedKey) {
      i++;
      quotedOnly = true;
    } else if (c == '>' && open == '<' && !blanks) {
      i++;
    } else if (!(cli && blanks)) {
      return ke;
    }
    if (!secretName(text, ks, ke) || goTestResult(text, ks, ke)) {
      return ke;
    }
    i = skipBlanks(text, i);
    int[] span = value(text, i, quotedOnly);
    if (span == null) {
      return ke;
    }
    String value = text.substring(span[0], span[1]);
    if (nextName(text, span)) {
      // auth: DB_PASSWORD="…": what follows the separator is the next assignment's name.
      return span[0];
    }
    if (Validators.plausibleSecret(value)) {
      out.accept(new Candidate(span[0], span[1], Kind.SECRET, RULE, SecretRule.CONTEXT));
    }
    // Names inside a value that has been read are not assignments of their own.
    return span[1];
  }

  private static final List<String> PREDICATES =
      List.of(
          "is",
          "has",
          "looks",
          "check",
          "validate",
          "verify",
          "parse",
          "test",
          "assert",
          "expect",
          "mask",
          "redact",
          "hash",
          "match",
          "detect",
          "find",
          "scan",
          "contains");

  /** A call whose name starts with a verb that tests or transforms: {@code isToken(…)}. */
  private static boolean predicate(String text, int from, int to) {
    String name = text.substring(from, to).toLowerCase(Locale.ROOT);
    int dot = name.lastIndexOf('.');
    String last = dot < 0 ? name : name.substring(dot + 1);
    for (String verb : PREDICATES) {
      if (last.startsWith(verb) && last.length() > verb.length()) {
        return true;
      }
    }
    return false;
  }

  /** {@code --- PASS: TestName} in Go test output. */
  private static boolean goTestResult(String text, int from, int to) {
    return to - from == 4
        && text.startsWith("PASS", from)
        && from >= 4
        && text.startsWith("--- ", from - 4);
  }

  /**
   * The bare value is a name followed by its own separator and more text ({@code DB_PASSWORD="…"}),
   * so it is the next assignment rather than a value.
   */
  private static boolean nextName(String text, int[] span) {
    if (span[1] >= text.length()) {
      return false;
    }
    char after = text.charAt(span[1]);
    if (after != '"' && after != '\'' && after != '`') {
      return false;
    }
    if (span[0] > 0 && text.charAt(span[0] - 1) == after) {
      // A quoted value ("auth": "dXNlcjpwYXNz=") is a value, however it ends.
      return false;
    }
    String value = text.substring(span[0], span[1]);
    return value.length() > 1
        && (value.endsWith("=") || value.endsWith(":"))
        && value
            .chars()
            .limit(value.length() - 1)
            .allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.' || ch == '-')
        && Character.isLetter(value.charAt(0));
  }

  /** The value's span, or null when there is none or it is code rather than a literal. */
  private static int[] value(String text, int i, boolean quotedOnly) {
    int n = text.length();
    if (i >= n) {
      return null;
    }
    char q = text.charAt(i);
    boolean escaped =
        q == '\\' && i + 1 < n && (text.charAt(i + 1) == '"' || text.charAt(i + 1) == '\'');
    if (escaped) {
      q = text.charAt(++i);
    }
    if (q == '"' || q == '\'' || q == '`') {
      int start = i + 1;
      for (int j = start; j < n && j - start <= MAX_VALUE; j++) {
        char c = text.charAt(j);
        if (c == '\n') {
          return null;
        }
        if (c == '\\') {
          if (escaped && j + 1 < n && text.charAt(j + 1) == q) {
            return new int[] {start, j};
          }
          j++;
        } else if (c == q && !escaped) {
          return j > start ? new int[] {start, j} : null;
        }
      }
      return null;
    }
    if (quotedOnly) {
      return null;
    }
    int j = i;
    while (j < n && j - i < MAX_VALUE && !endsBareValue(text.charAt(j))) {
      j++;
    }
    if (j == i || j < n && (text.charAt(j) == '(' || text.charAt(j) == '[')) {
      return null;
    }
    return new int[] {i, j};
  }

  static boolean secretName(String key) {
    return secretName(key, 0, key.length());
  }

  /**
   * The name in {@code text[from, to)} ends with a secret noun, ignoring case, {@code _} and {@code
   * -}.
   */
  static boolean secretName(CharSequence text, int from, int to) {
    int segment = to;
    while (segment > from && text.charAt(segment - 1) != '.') {
      segment--;
    }
    boolean noun = false;
    for (String word : NOUNS) {
      if (endsWith(text, segment, to, word)) {
        noun = true;
        break;
      }
    }
    if (!noun) {
      String last = normalized(text, segment, to);
      return EXACT.contains(last);
    }
    String lower = text.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    if (lower.contains("public") || lower.contains("publishable")) {
      return false;
    }
    for (String word : NOT_SECRET) {
      if (endsWith(text, segment, to, word)) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text[from, to)}, lower-cased without {@code _} and {@code -}, ends with {@code word}.
   */
  private static boolean endsWith(CharSequence text, int from, int to, String word) {
    int w = word.length();
    for (int i = to - 1; i >= from && w > 0; i--) {
      char c = text.charAt(i);
      if (c == '_' || c == '-') {
        continue;
      }
      if (Character.toLowerCase(c) != word.charAt(--w)) {
        return false;
      }
    }
    return w == 0;
  }

  private static String normalized(CharSequence text, int from, int to) {
    StringBuilder s = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != '_' && c != '-') {
        s.append(Character.toLowerCase(c));
      }
    }
    return s.toString();
  }

  private static int skipBlanks(String text, int i) {
    int limit = Math.min(text.length(), i + 8);
    while (i < limit && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '_'
        || c == '-'
        || c == '.';
  }

  private static final boolean[] ENDS_BARE_VALUE = new boolean[128];

  static {
    for (char c : " \t\r\n\f\u000b\"'`,;&<>(){}[]|".toCharArray()) {
      ENDS_BARE_VALUE[c] = true;
    }
  }

  private static boolean endsBareValue(char c) {
    return c < 128 ? ENDS_BARE_VALUE[c] : Character.isWhitespace(c);
  }
}
