package dev.atomic.gateway.secrets;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.Validators;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code url_password}: the password in the user info of a URL, {@code scheme://user:password@host}
 * (database URLs, broker URLs, git remotes). Only the password is redacted; {@code
 * ${DB_PASSWORD}}-style placeholders are not.
 */
final class UrlPasswords implements KeywordDetector {

  static final String RULE = "url_password";
  private static final int MAX_AUTHORITY = 400;

  @Override
  public List<String> keywords() {
    return List.of("://");
  }

  @Override
  public List<String> types() {
    return List.of(RULE);
  }

  @Override
  public int at(String text, int hit, Consumer<Candidate> out) {
    int s = hit;
    while (s > 0 && hit - s < 32 && isSchemeChar(text.charAt(s - 1))) {
      s--;
    }
    while (s < hit && !Character.isLetter(text.charAt(s))) {
      s++;
    }
    int userStart = hit + 3;
    if (s == hit) {
      return userStart;
    }
    int authorityEnd = userStart;
    int at = -1;
    while (authorityEnd < text.length() && authorityEnd - userStart < MAX_AUTHORITY) {
      char c = text.charAt(authorityEnd);
      if (c == '/'
          || c == '?'
          || c == '#'
          || c == '"'
          || c == '\''
          || c == '<'
          || c == '>'
          || c == '`'
          || Character.isWhitespace(c)) {
        break;
      }
      if (c == '@') {
        at = authorityEnd; // the last @ ends the user info, as URL parsers read it
      }
      authorityEnd++;
    }
    if (at < 0
        || at + 1 >= text.length()
        || !(Character.isLetterOrDigit(text.charAt(at + 1)) || text.charAt(at + 1) == '[')) {
      return authorityEnd;
    }
    int colon = userStart;
    while (colon < at && text.charAt(colon) != ':') {
      colon++;
    }
    // The user may be empty (redis://:password@host).
    if (colon >= at - 1) {
      return authorityEnd;
    }
    String password = text.substring(colon + 1, at);
    if (password.length() >= 3
        && !Allowlist.isPlaceholder(password)
        && Validators.longestRun(password) < password.length()) {
      out.accept(new Candidate(colon + 1, at, Kind.SECRET, RULE, StructuralRules.HEADER));
    }
    return authorityEnd;
  }

  private static boolean isSchemeChar(char c) {
    return Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '.' || c == '-';
  }
}
