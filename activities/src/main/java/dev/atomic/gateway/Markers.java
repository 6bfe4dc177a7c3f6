package dev.atomic.gateway;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Proprietary markers from configuration ({@code CONFIDENTIAL}, internal code names, denylisted
 * identifiers): every whole-word occurrence, ignoring case, is redacted as {@link
 * Kind#PROPRIETARY}. Thread-safe.
 */
final class Markers {

  static final String RULE = "proprietary_marker";

  private final KeywordIndex index;
  private final boolean[] wordStart;
  private final boolean[] wordEnd;

  Markers(List<String> markers) {
    List<String> lower =
        markers.stream().map(m -> m.strip().toLowerCase(Locale.ROOT)).distinct().toList();
    index = new KeywordIndex(lower);
    wordStart = new boolean[lower.size()];
    wordEnd = new boolean[lower.size()];
    for (int k = 0; k < lower.size(); k++) {
      String m = lower.get(k);
      wordStart[k] = isWord(m.charAt(0));
      wordEnd[k] = isWord(m.charAt(m.length() - 1));
    }
  }

  void scan(String text, Consumer<Candidate> out) {
    index.scan(
        text,
        (k, start) -> {
          int end = start + index.keywordLength(k);
          // Only whole words: "ACME" is a marker in "ACME roadmap", not in "ACMEcorp".
          if (wordStart[k] && start > 0 && isWord(text.charAt(start - 1))) {
            return;
          }
          if (wordEnd[k] && end < text.length() && isWord(text.charAt(end))) {
            return;
          }
          out.accept(new Candidate(start, end, Kind.PROPRIETARY, RULE, 4));
        });
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
