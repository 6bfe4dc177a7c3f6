package dev.atomic.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffScanTest {

  private final RedactionEngine engine = new RedactionEngine();

  @Test
  void findsASecretOnAnAddedLineWithItsFileAndNewLineNumberMasked() {
    String key = "AKIA" + "QX7RZ2M4TB6N3PLW";
    String diff =
        """
        --- a/src/A.java
        +++ b/src/A.java
        @@ -10,3 +10,4 @@
         class A {
        -  int x;
        +  int y;
        +  // deploy key %s
         }
        """
            .formatted(key);

    DiffScan scan = DiffScan.of(diff, engine);

    assertThat(scan.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.file()).isEqualTo("src/A.java");
              assertThat(f.line()).isEqualTo(12);
              assertThat(f.kind()).isEqualTo("secret");
              assertThat(f.masked()).startsWith("AKIA").doesNotContain(key);
            });
  }

  @Test
  void aSecretTheChangeRemovesIsNotItsLeak() {
    String diff =
        """
        --- a/src/A.java
        +++ b/src/A.java
        @@ -1,2 +1,1 @@
        -  // deploy key AKIA%s
         class A {}
        """
            .formatted("QX7RZ2M4TB6N3PLW");

    assertThat(DiffScan.of(diff, engine).findings()).isEmpty();
  }
}
