package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureStubsTest {

  @Test
  void aFileWithATopLevelTypeNotNamedAfterItIsToldApart() {
    SignatureStubs.Result result =
        SignatureStubs.of(
            Map.of(
                "src/com/acme/Shapes.java",
                "package com.acme; public class Shapes {} class Circle {}",
                "src/com/acme/Square.java",
                "package com.acme; public class Square { static class Side {} }",
                "src/com/acme/package-info.java",
                "package com.acme;"));

    assertThat(result.misnamed()).containsExactly("src/com/acme/Shapes.java");
    assertThat(result.findableByName()).isFalse();
    assertThat(
            SignatureStubs.of(
                    Map.of("src/com/acme/Square.java", "package com.acme; class Square {}"))
                .findableByName())
        .isTrue();
  }

  @Test
  void bodiesGoSignaturesConstantsAndConstructorCallsStay() {
    String source =
        """
        package com.acme;

        /** Docs go. */
        public class Money extends Base implements Comparable<Money> {
          public static final int SCALE = 2; // a constant keeps its value
          private static final String SEP = "/* not a comment */ // nor this";
          static { System.out.println("init"); }
          private final long cents;

          public Money(long cents) {
            super("money");
            this.cents = cents;
          }

          public Money plus(Money other) {
            return new Money(cents + other.cents);
          }

          public void log() {
            System.out.println(SEP);
          }

          @Override
          public int compareTo(Money other) {
            return Long.compare(cents, other.cents);
          }

          String block() {
            return \"""
                /* kept */
                \""";
          }
        }
        """;

    SignatureStubs.Result result = SignatureStubs.of(Map.of("src/com/acme/Money.java", source));

    String stub = result.stubs().get("src/com/acme/Money.java");
    assertThat(result.unparsable()).isEmpty();
    assertThat(stub)
        .contains(
            "public class Money extends Base implements Comparable<Money> {",
            "public static final int SCALE = 2;",
            "private static final String SEP = \"/* not a comment */ // nor this\";",
            "public Money(long cents) { super(\"money\"); }",
            "public Money plus(Money other) { throw null; }",
            "public void log() {}",
            "public int compareTo(Money other) { throw null; }",
            "String block() { throw null; }")
        .doesNotContain("Docs go", "keeps its value", "System.out", "Long.compare", "init");
  }

  @Test
  void aFileJavacCannotReadIsNamed() {
    SignatureStubs.Result result =
        SignatureStubs.of(Map.of("src/Broken.java", "class Broken { int x = ; }"));

    assertThat(result.stubs()).isEmpty();
    assertThat(result.unparsable()).containsOnlyKeys("src/Broken.java");
    assertThat(result.unparsable().get("src/Broken.java")).startsWith("line 1: ");
  }

  @Test
  void theCacheWritesAFileAgainOnlyWhenItsContentChanges() {
    StubCache cache = new StubCache();
    SignatureStubs.Result first = cache.of(Map.of("A.java", "class A { int a() { return 1; } }"));
    SignatureStubs.Result same = cache.of(Map.of("A.java", "class A { int a() { return 1; } }"));
    SignatureStubs.Result changed =
        cache.of(Map.of("A.java", "class A { long a() { return 1; } }"));

    assertThat(same.stubs().get("A.java")).isSameAs(first.stubs().get("A.java"));
    assertThat(changed.stubs().get("A.java")).contains("long a() { throw null; }");
    assertThat(changed.packagePaths()).containsEntry("A.java", "A.java");
  }
}
