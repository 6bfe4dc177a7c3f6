package dev.atomic.gateway;

import java.util.function.Consumer;

/**
 * International bank account numbers: a country code with an IBAN, two check digits and the
 * country's number of characters, compact or in groups of four separated by single spaces, that
 * pass the mod-97 check.
 */
final class IbanDetector {

  static final String RULE = "iban";

  private IbanDetector() {}

  static void scan(String text, Consumer<Candidate> out) {
    int n = text.length();
    for (int i = 0; i + 15 <= n; i++) {
      char c = text.charAt(i);
      if (c < 'A' || c > 'Z' || !NumberDetector.isDigit(text.charAt(i + 2)) || !NumberDetector.isDigit(text.charAt(i + 3))
          || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
        continue;
      }
      int length = IbanLengths.of(c, text.charAt(i + 1));
      if (length == 0) {
        continue;
      }
      int end = read(text, i, length);
      if (end > 0 && Validators.iban(text.substring(i, end))) {
        out.accept(new Candidate(i, end, Kind.PII, RULE, 2));
        i = end - 1;
      }
    }
  }

  /** End of {@code length} IBAN characters from {@code i}, spaces allowed after each group of four; or -1. */
  private static int read(String text, int i, int length) {
    int n = text.length();
    int j = i;
    int count = 0;
    while (count < length && j < n) {
      char c = text.charAt(j);
      if (isUpper(c) || NumberDetector.isDigit(c)) {
        count++;
        j++;
      } else if (c == ' ' && count % 4 == 0 && count > 0 && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1))) {
        j++;
      } else {
        return -1;
      }
    }
    if (count < length || j < n && Character.isLetterOrDigit(text.charAt(j))) {
      return -1;
    }
    return j;
  }

  private static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
