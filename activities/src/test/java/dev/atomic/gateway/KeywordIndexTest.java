package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {

  @Test
  void findsEveryOccurrenceIgnoringCaseIncludingOverlaps() {
    KeywordIndex index = new KeywordIndex(List.of("he", "she", "his", "hers", "sk_live_"));
    List<String> hits = new ArrayList<>();

    index.scan("uSHErs and SK_LIVE_x", (k, start) -> hits.add(k + "@" + start));

    // "she" at 1, "he" at 2, "hers" at 2, then the prefix in upper case.
    assertThat(hits).containsExactly("1@1", "0@2", "3@2", "4@11");
  }

  @Test
  void matchesNonAsciiKeywords() {
    KeywordIndex index = new KeywordIndex(List.of("vertraulich", "機密"));
    List<Integer> starts = new ArrayList<>();

    index.scan("VERTRAULICH: 機密 Daten", (k, start) -> starts.add(start));

    assertThat(starts).containsExactly(0, 13);
  }
}
