package dev.atomic.gateway.pii;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.Validators;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Personal data that starts a word: IPv4 addresses, payment cards, US Social Security numbers,
 * phone numbers and IBANs. One left-to-right pass over the words of the text; at a word that can
 * start one of these formats the formats are tried in turn, each with its own validator, and a word
 * that is none of them is skipped whole, so digits inside UUIDs, hashes, versions and timestamps
 * are never read as a start.
 */
final class NumberDetector {

  private static final int SSN_CONTEXT = 100;
  private static final byte OTHER = 0;
  private static final byte DIGIT = 1;
  private static final byte UPPER = 2;
  private static final byte WORD = 3;
  // Character classes of ASCII, looked up rather than compared: this loop sees every character.
  private static final byte[] CLASS = new byte[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      CLASS[c] = DIGIT;
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      CLASS[c] = UPPER;
      CLASS[c + 32] = WORD;
    }
    CLASS['_'] = WORD;
  }

  private NumberDetector() {}

  static void scan(String text, Consumer<Candidate> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      int cls = classOf(c);
      if (cls == OTHER) {
        if ((c == '+' || c == '(') && leftBoundary(text, i)) {
          int end = match(text, i, out);
          if (end > i) {
            i = end;
            continue;
          }
        }
        i++;
        continue;
      }
      int end = -1;
      if (cls == DIGIT && leftBoundary(text, i)) {
        end = match(text, i, out);
      } else if (cls == UPPER) {
        end = IbanDetector.at(text, i, out);
      }
      if (end > i) {
        i = end;
        continue;
      }
      i++;
      while (i < n && classOf(text.charAt(i)) != OTHER) {
        i++;
      }
    }
  }

  private static int classOf(char c) {
    return c < 128 ? CLASS[c] : Character.isLetterOrDigit(c) ? WORD : OTHER;
  }

  private static int match(String text, int i, Consumer<Candidate> out) {
    char c = text.charAt(i);
    if (isDigit(c)) {
      // The first run of digits and what follows it decide which formats can apply at all.
      int run = i;
      while (run < text.length() && isDigit(text.charAt(run)) && run - i < 20) {
        run++;
      }
      int len = run - i;
      char next = run < text.length() ? text.charAt(run) : '\n';
      int end;
      if (len <= 3 && next == '.' && (end = Ipv4.match(text, i)) > 0) {
        return emit(out, i, end, "ip_address");
      }
      if ((len >= 13 || len == 4 && (next == ' ' || next == '-')) && (end = card(text, i)) > 0) {
        return emit(out, i, end, "credit_card");
      }
      if ((len == 9 || len == 3 && (next == '-' || next == ' ')) && (end = ssn(text, i)) > 0) {
        return emit(out, i, end, "ssn");
      }
      boolean separated = next == ' ' || next == '-' || next == '.';
      if (!(len == 3 && separated || len == 1 && c == '1' && separated)) {
        return -1;
      }
    }
    int end = Phones.us(text, i);
    if (end > 0) {
      return emit(out, i, end, "phone_us");
    }
    end = Phones.international(text, i);
    if (end > 0) {
      return emit(out, i, end, "phone_intl");
    }
    return -1;
  }

  private static int emit(Consumer<Candidate> out, int start, int end, String rule) {
    out.accept(new Candidate(start, end, Kind.PII, rule, 2));
    return end;
  }

  /**
   * 13–19 digits, contiguous or in groups of four (Amex 4-6-5, Diners 4-6-4), Luhn-valid, of a
   * known card range.
   */
  static int card(String text, int i) {
    int[] groups = new int[8];
    int count = 0;
    int j = i;
    char sep = 0;
    int digits = 0;
    while (count < groups.length) {
      int g = j;
      while (j < text.length() && isDigit(text.charAt(j)) && j - g <= 19) {
        j++;
      }
      groups[count++] = j - g;
      digits += j - g;
      if (j + 1 < text.length()
          && (text.charAt(j) == ' ' || text.charAt(j) == '-')
          && isDigit(text.charAt(j + 1))
          && (sep == 0 || sep == text.charAt(j))
          && groups[count - 1] >= 4) {
        sep = text.charAt(j);
        j++;
      } else {
        break;
      }
    }
    // A trailing group that broke the layout (a phone, a date) is not part of the card.
    if (digits < 13 || digits > 19 || !rightBoundary(text, j) || !cardLayout(groups, count)) {
      return -1;
    }
    String number = text.substring(i, j);
    String compact = number.replace(" ", "").replace("-", "");
    return Validators.luhn(compact) && CardRanges.issued(compact) ? j : -1;
  }

  private static boolean cardLayout(int[] groups, int count) {
    if (count == 1) {
      return true;
    }
    if (count == 3 && groups[0] == 4 && groups[1] == 6 && (groups[2] == 5 || groups[2] == 4)) {
      return true;
    }
    for (int g = 0; g < count - 1; g++) {
      if (groups[g] != 4) {
        return false;
      }
    }
    return count >= 3 && groups[count - 1] >= 1 && groups[count - 1] <= 4;
  }

  /**
   * AAA-GG-SSSS or AAA GG SSSS in issued ranges; nine bare digits only after a word such as "SSN"
   * on the line.
   */
  static int ssn(String text, int i) {
    int n = text.length();
    if (i + 9 <= n && digitsAt(text, i, 9) && rightBoundary(text, i + 9)) {
      return Validators.ssn(text.substring(i, i + 9)) && ssnContext(text, i) ? i + 9 : -1;
    }
    if (i + 11 > n
        || !digitsAt(text, i, 3)
        || !digitsAt(text, i + 4, 2)
        || !digitsAt(text, i + 7, 4)) {
      return -1;
    }
    char sep = text.charAt(i + 3);
    if (sep != '-' && sep != ' ' || text.charAt(i + 6) != sep || !rightBoundary(text, i + 11)) {
      return -1;
    }
    return Validators.ssn(text.substring(i, i + 11)) ? i + 11 : -1;
  }

  private static boolean ssnContext(String text, int i) {
    int lineStart = text.lastIndexOf('\n', i - 1) + 1;
    String before =
        text.substring(Math.max(lineStart, i - SSN_CONTEXT), i).toLowerCase(Locale.ROOT);
    return before.contains("ssn")
        || before.contains("social security")
        || before.contains("social_security")
        || before.contains("socialsecurity")
        || before.contains("taxid")
        || before.contains("tax_id")
        || before.contains("tax id")
        || before.contains("tax-id");
  }

  static boolean digitsAt(String text, int i, int count) {
    if (i + count > text.length()) {
      return false;
    }
    for (int k = i; k < i + count; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** A number may start here: not inside a word, a decimal, a version or a dashed identifier. */
  static boolean leftBoundary(String text, int i) {
    if (i == 0) {
      return true;
    }
    char p = text.charAt(i - 1);
    if (text.charAt(i) == '+') {
      return !isDigit(p) && !isLetter(p) && p != '/' && p != '+' && p != '_';
    }
    return !isDigit(p) && !isLetter(p) && p != '_' && p != '.' && p != '-' && p != '+' && p != '@';
  }

  /** A number ends here: no more letters or digits, and no separator that continues it. */
  static boolean rightBoundary(String text, int j) {
    if (j >= text.length()) {
      return true;
    }
    char c = text.charAt(j);
    if (isDigit(c) || isLetter(c) || c == '_' || c == '@') {
      return false;
    }
    if ((c == '.' || c == '-') && j + 1 < text.length() && isDigit(text.charAt(j + 1))) {
      return false;
    }
    return true;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }
}
