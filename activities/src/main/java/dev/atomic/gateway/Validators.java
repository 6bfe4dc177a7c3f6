package dev.atomic.gateway;

import dev.atomic.gateway.secrets.Allowlist;
import java.math.BigInteger;
import java.util.Base64;

/** Checksums, number ranges and randomness measures that separate real values from look-alikes. */
public final class Validators {

  private Validators() {}

  /** Luhn (mod 10) over the digits of {@code number}; other characters are skipped. */
  public static boolean luhn(CharSequence number) {
    int sum = 0;
    int digits = 0;
    for (int i = number.length() - 1; i >= 0; i--) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (digits % 2 == 1) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      digits++;
    }
    return digits > 1 && sum % 10 == 0;
  }

  /**
   * ISO 13616 check: the country's length, then mod 97 of the rearranged number equals 1. Spaces
   * are ignored.
   */
  public static boolean iban(CharSequence value) {
    String compact = value.toString().replace(" ", "");
    if (compact.length() < 5) {
      return false;
    }
    int expected = IbanLengths.of(compact.substring(0, 2));
    if (expected == 0 || compact.length() != expected) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      char c = rearranged.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
        remainder = (remainder * 10 + v) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A' + 10;
        remainder = (remainder * 100 + v) % 97;
      } else {
        return false;
      }
    }
    return remainder == 1;
  }

  /** Check digits that make {@code country + "00" + bban} a valid IBAN. */
  public static String ibanCheckDigits(String country, String bban) {
    String digits =
        (bban + country + "00")
            .chars()
            .mapToObj(
                c -> Character.isDigit(c) ? String.valueOf((char) c) : String.valueOf(c - 'A' + 10))
            .reduce("", String::concat);
    int check = 98 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
    return String.format("%02d", check);
  }

  /**
   * US Social Security number ranges as issued: area 001–899 except 666, group 01–99, serial
   * 0001–9999. Separators are ignored; anything but nine digits is invalid.
   */
  public static boolean ssn(CharSequence value) {
    StringBuilder d = new StringBuilder(9);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (c != '-' && c != ' ') {
        return false;
      }
    }
    if (d.length() != 9) {
      return false;
    }
    int area = Integer.parseInt(d, 0, 3, 10);
    int group = Integer.parseInt(d, 3, 5, 10);
    int serial = Integer.parseInt(d, 5, 9, 10);
    return area > 0 && area < 900 && area != 666 && group > 0 && serial > 0;
  }

  // c * log2(c) for small counts, so entropy needs no logarithm per character.
  private static final double[] C_LOG_C = new double[4097];

  static {
    for (int c = 1; c < C_LOG_C.length; c++) {
      C_LOG_C[c] = c * log2(c);
    }
  }

  /** Shannon entropy of the characters of {@code s}, in bits per character. */
  public static double entropy(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] counts = new int[128];
    java.util.Map<Character, Integer> other = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        counts[c]++;
      } else {
        if (other == null) {
          other = new java.util.HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    // H = log2(n) - (1/n) * sum(c * log2(c)) over the character counts c.
    double sum = 0;
    for (int count : counts) {
      sum += cLogC(count);
    }
    if (other != null) {
      for (int count : other.values()) {
        sum += cLogC(count);
      }
    }
    return Math.max(0, log2(n) - sum / n);
  }

  private static double cLogC(int c) {
    return c < C_LOG_C.length ? C_LOG_C[c] : c * log2(c);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * A vendor-format token that is not a documented example or placeholder and is random enough to
   * be real: at least 2.5 bits of entropy per character from 16 characters on and 3 bits from 32
   * on, and no run of eight equal characters ({@code AKIAXXXXXXXXXXXXXXXX}).
   */
  public static boolean plausibleToken(String value) {
    if (longestRun(value) >= 8) {
      return false;
    }
    // Short fixed-format ids (AWS's 20 characters) cannot reach 3 bits even when random.
    int n = value.length();
    double floor = n < 16 ? 0 : n < 32 ? 2.5 : 3.0;
    if (entropy(value) < floor) {
      return false;
    }
    return !Allowlist.isDocumentedExample(value) && !Allowlist.isPlaceholder(value);
  }

  public static int longestRun(CharSequence s) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = i > 0 && s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
      best = Math.max(best, run);
    }
    return best;
  }

  /**
   * A value assigned to a secret-looking name, or sent as a bearer token, that is itself plausibly
   * a secret: 8 characters or more, no whitespace, at least two character classes, entropy of at
   * least {@code min(3, log2(length) - 0.5)} bits per character, and not a placeholder, documented
   * example, UUID, identifier, code reference, path or URL.
   */
  public static boolean plausibleSecret(String value) {
    int n = value.length();
    if (n < 8 || n > 4096) {
      return false;
    }
    // One pass for the cheap measures: character classes, case, separators, runs, blanks.
    int lower = 0;
    int upper = 0;
    int digits = 0;
    int separators = 0;
    int other = 0;
    int run = 0;
    int longest = 0;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower++;
      } else if (c >= 'A' && c <= 'Z') {
        upper++;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '_' || c == '-' || c == '.') {
        separators++;
      } else if (Character.isWhitespace(c)) {
        return false;
      } else {
        other++;
      }
      run = i > 0 && c == value.charAt(i - 1) ? run + 1 : 1;
      longest = Math.max(longest, run);
    }
    int classes =
        (lower > 0 ? 1 : 0)
            + (upper > 0 ? 1 : 0)
            + (digits > 0 ? 1 : 0)
            + (separators + other > 0 ? 1 : 0);
    if (classes < 2 || longest >= 6) {
      return false;
    }
    if (digits == 0 && other == 0) {
      // Letters and word separators only: names (AutoTokenizer, DB_PASSWORD, config.apiKey)
      // unless upper and lower case are thoroughly mixed.
      int letters = lower + upper;
      if (separators > 0 || upper == 0 || lower == 0 || upper < 0.3 * letters) {
        return false;
      }
    }
    if (value.endsWith("()") || entropy(value) < Math.min(3.0, log2(n) - 0.5) || pathOrUrl(value)) {
      return false;
    }
    return !Allowlist.isWholePlaceholder(value) && !Allowlist.isDocumentedExample(value);
    // A UUID under a secret name is the secret: Heroku, Snyk and Splunk tokens are UUIDs.
  }

  public static boolean pathOrUrl(String value) {
    if (value.contains("://")) {
      return true;
    }
    boolean rooted =
        value.startsWith("/")
            || value.startsWith("./")
            || value.startsWith("../")
            || value.startsWith("~/");
    if (!rooted || value.indexOf('+') >= 0 || value.indexOf('=') >= 0) {
      return false;
    }
    String last = value.substring(value.lastIndexOf('/') + 1);
    return last.contains(".") || value.equals(value.toLowerCase(java.util.Locale.ROOT));
  }

  /** Decodes base64 or base64url without padding requirements; null when it is not base64. */
  public static byte[] base64(String s) {
    String t = s.replace('-', '+').replace('_', '/').replace("=", "");
    int pad = (4 - t.length() % 4) % 4;
    if (pad == 3) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(t + "==".substring(0, pad));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /**
   * A GitHub token of the 40-character form ({@code ghp_} and 36 characters) ends with the CRC32 of
   * its 30 random characters in base62, six digits: a token whose checksum does not match was not
   * issued by GitHub. Other lengths have no checksum to test and pass.
   */
  public static boolean githubChecksum(String token) {
    if (token.length() != 40 || token.charAt(3) != '_') {
      return true;
    }
    String body = token.substring(4, 34);
    String checksum = token.substring(34);
    return checksum.equals(base62Crc32(body))
        || checksum.equals(base62Crc32(token.substring(0, 34)));
  }

  /** CRC32 of {@code text} in base62, left-padded with zeros to six digits. */
  public static String base62Crc32(String text) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    long value = crc.getValue();
    StringBuilder digits = new StringBuilder();
    do {
      digits.append(BASE62.charAt((int) (value % 62)));
      value /= 62;
    } while (value > 0);
    while (digits.length() < 6) {
      digits.append('0');
    }
    return digits.reverse().toString();
  }
}
