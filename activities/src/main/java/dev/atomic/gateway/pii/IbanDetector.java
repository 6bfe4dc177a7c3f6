package dev.atomic.gateway.pii;

import dev.atomic.gateway.Candidate;
import dev.atomic.gateway.IbanLengths;
import dev.atomic.gateway.Kind;
import dev.atomic.gateway.Validators;
import java.util.function.Consumer;

/**
 * International bank account numbers: a country code with an IBAN, two check digits and the
 * country's number of characters, compact or in groups of four separated by single spaces, that
 * pass the mod-97 check. Called by {@link NumberDetector} at each word that starts with a capital.
 */
final class IbanDetector {

  static final String RULE = "iban";

  private IbanDetector() {}

  /**
   * Reports the IBAN that starts at {@code i}, the first character of a word, if there is one.
   *
   * @return the end of the IBAN, or -1
   */
  static int at(String text, int i, Consumer<Candidate> out) {
    int n = text.length();
    if (i + 15 > n
        || !NumberDetector.isDigit(text.charAt(i + 2))
        || !NumberDetector.isDigit(text.charAt(i + 3))) {
      return -1;
    }
    int length = IbanLengths.of(text.charAt(i), text.charAt(i + 1));
    if (length == 0) {
      return -1;
    }
    int end = read(text, i, length);
    if (end > 0 && Validators.iban(text.substring(i, end))) {
      out.accept(new Candidate(i, end, Kind.PII, RULE, 2));
      return end;
    }
    return -1;
  }

  /**
   * End of {@code length} IBAN characters from {@code i}, spaces allowed after each group of four;
   * or -1.
   */
  private static int read(String text, int i, int length) {
    int n = text.length();
    int j = i;
    int count = 0;
    while (count < length && j < n) {
      char c = text.charAt(j);
      if (isUpper(c) || NumberDetector.isDigit(c)) {
        count++;
        j++;
      } else if (c == ' '
          && count % 4 == 0
          && count > 0
          && j + 1 < n
          && Character.isLetterOrDigit(text.charAt(j + 1))) {
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
