package dev.atomic.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

  record Inner(String name) {}

  record Body(String title, List<Inner> items, Map<String, Object> details) {}

  @Test
  void pairedSurrogatesAndOrdinaryTextPassUnpairedOnesAndNulDoNot() {
    assertThat(StorableText.problem("emoji \ud83d\ude00 ok, tabs\tand\nlines")).isNull();
    assertThat(StorableText.problem("\ud800")).contains("unpaired UTF-16 surrogate at position 0");
    assertThat(StorableText.problem("ab\udc00")).contains("position 2");
    assertThat(StorableText.problem("a\u0000")).contains("NUL character at position 1");
  }

  @Test
  void theRefusalNamesTheNestedMember() {
    Body body =
        new Body("ok", List.of(new Inner("fine"), new Inner("bad\ud800")), Map.of("k", "v"));
    assertThatThrownBy(() -> StorableText.check(body, ""))
        .isInstanceOf(ApiException.class)
        .hasMessage("'items[1].name' holds an unpaired UTF-16 surrogate at position 3");
    assertThatThrownBy(
            () -> StorableText.check(new Body("ok", List.of(), Map.of("x\u0000", 1)), ""))
        .hasMessageContaining("'details.x\u0000' holds a NUL character");
  }
}
