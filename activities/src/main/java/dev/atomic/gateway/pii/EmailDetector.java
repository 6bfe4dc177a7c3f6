package dev.atomic.gateway.pii;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * E-mail addresses: {@code local@domain.tld}, found by walking outwards from each {@code @}. Not
 * reported: user names in URLs ({@code https://user:pass@host}), SSH and SCP targets ({@code ssh
 * deploy@bastion}, {@code git@github.com:org/repo}), domains reserved for examples and internal use
 * (RFC 2606, RFC 6761: {@code example.com}, {@code .local}, {@code .internal}…) and file names such
 * as {@code logo@2x.png}.
 */
final class EmailDetector {

  static final String RULE = "email";

  private static final Set<String> RESERVED_TLDS =
      Set.of(
          "example",
          "invalid",
          "localhost",
          "local",
          "test",
          "internal",
          "lan",
          "home",
          "corp",
          "intranet",
          "localdomain",
          "private");

  private static final Set<String> FILE_EXTENSIONS =
      Set.of(
          "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "css", "scss", "js", "mjs",
          "cjs", "ts", "tsx", "jsx", "json", "html", "htm", "xml", "yml", "yaml", "txt", "java",
          "kt", "py", "rb", "go", "rs", "php", "lock", "map", "woff", "woff2", "ttf", "otf", "pdf",
          "zip", "gz", "jar", "war", "class", "sh", "md");

  private static final String BOUNDARY = " \t\r\n\"'<>([{,;=:|`*";

  private EmailDetector() {}

  static void scan(String text, Consumer<Candidate> out) {
    int at = text.indexOf('@');
    while (at >= 0) {
      int end = at(text, at, out);
      at = text.indexOf('@', Math.max(at + 1, end));
    }
  }

  private static int at(String text, int at, Consumer<Candidate> out) {
    int ls = at;
    while (ls > 0 && at - ls < 64 && isLocal(text.charAt(ls - 1))) {
      ls--;
    }
    if (ls == at || text.charAt(ls) == '.' || text.charAt(at - 1) == '.') {
      return at + 1;
    }
    if (ls > 0 && BOUNDARY.indexOf(text.charAt(ls - 1)) < 0) {
      return at + 1;
    }
    int de = at + 1;
    int labelStart = de;
    int lastDot = -1;
    int n = text.length();
    while (de < n && de - at < 254) {
      char c = text.charAt(de);
      if (isLabel(c)) {
        de++;
      } else if (c == '.' && de > labelStart && de + 1 < n && isLabel(text.charAt(de + 1))) {
        lastDot = de;
        de++;
        labelStart = de;
      } else {
        break;
      }
    }
    if (lastDot < 0) {
      return de;
    }
    String tld = text.substring(lastDot + 1, de).toLowerCase(Locale.ROOT);
    if (tld.length() < 2
        || !tld.chars().allMatch(Character::isLetter)
        || text.charAt(de - 1) == '-') {
      return de;
    }
    String domain = text.substring(at + 1, de).toLowerCase(Locale.ROOT);
    if (RESERVED_TLDS.contains(tld) || FILE_EXTENSIONS.contains(tld) || reservedDomain(domain)) {
      return de;
    }
    if (de + 1 < n && text.charAt(de) == ':' && !Character.isWhitespace(text.charAt(de + 1))) {
      return de; // scp-style target: host:path
    }
    if (insideUrl(text, ls) || afterRemoteCommand(text, ls)) {
      return de;
    }
    out.accept(new Candidate(ls, de, Kind.PII, RULE, 2));
    return de;
  }

  private static boolean reservedDomain(String domain) {
    for (String reserved : new String[] {"example.com", "example.org", "example.net"}) {
      if (domain.equals(reserved) || domain.endsWith("." + reserved)) {
        return true;
      }
    }
    return false;
  }

  /** The address is the user part of a URL such as {@code scheme://user@host}. */
  private static boolean insideUrl(String text, int ls) {
    for (int i = ls - 1; i >= 2 && ls - i < 200; i--) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '(') {
        return false;
      }
      if (c == '/' && text.charAt(i - 1) == '/' && text.charAt(i - 2) == ':') {
        return true;
      }
    }
    return false;
  }

  /** An argument of ssh, scp, sftp, rsync or git on the same line: a login, not a mailbox. */
  private static boolean afterRemoteCommand(String text, int ls) {
    int lineStart = text.lastIndexOf('\n', ls - 1) + 1;
    String line = text.substring(Math.max(lineStart, ls - 200), ls);
    for (String command :
        new String[] {"ssh ", "scp ", "sftp ", "rsync ", "git clone ", "git remote ", "ssh://"}) {
      int i = line.indexOf(command);
      if (i == 0 || i > 0 && !Character.isLetterOrDigit(line.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLocal(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '.'
        || c == '_'
        || c == '%'
        || c == '+'
        || c == '-';
  }

  private static boolean isLabel(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
  }
}
