package dev.atomic.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

  @Test
  void namesTheFirstUnstorableCharacterAndWhereItIs() {
    assertThat(StorableText.problem("fine \ud83d\ude00 text")).isNull();
    assertThat(StorableText.problem("ab\u0000")).isEqualTo("holds a NUL character at position 2");
    assertThat(StorableText.problem("x\ud800y"))
        .isEqualTo("holds an unpaired UTF-16 surrogate at position 1");
    assertThat(StorableText.problem("\udc00"))
        .isEqualTo("holds an unpaired UTF-16 surrogate at position 0");
  }

  @Test
  void findsItAtAnyDepthNamesIncluded() {
    record Body(String title, Map<String, Object> data) {}

    assertThat(StorableText.find(new Body("ok", Map.of("steps", List.of("a", "b\u0000"))), "body"))
        .isEqualTo("'body.data.steps[1]' holds a NUL character at position 1");
    assertThat(StorableText.find(Map.of("k\ud800", 1), "data"))
        .isEqualTo("'data.k\ud800' holds an unpaired UTF-16 surrogate at position 1");
    assertThat(StorableText.find(Map.of("k", List.of(1, "ok")), "data")).isNull();
  }

  @Test
  void repairsBadCharactersAndCutsWithoutSplittingAPair() {
    assertThat(StorableText.repaired("a\u0000b\ud800c\ud83d\ude00", 100))
        .isEqualTo("a\uFFFDb\uFFFDc\ud83d\ude00");
    assertThat(StorableText.repaired("abcdef", 4)).isEqualTo("abc…");
    assertThat(StorableText.repaired("ab\ud83d\ude00cd", 4)).isEqualTo("ab…");
    String clean = "unchanged";
    assertThat(StorableText.repaired(clean, 100)).isSameAs(clean);
  }
}
