package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DtePreview;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link InsertNode}: annotations, members and imports, never twice. */
class InsertNodeTest extends AccountTree {

  @Test
  void insertsAnnotationsMembersAndImports() throws IOException {
    assertThat(
            run(patch(
                    "insertNode", "Type[fqn='com.acme.Bank']", Map.of("annotation", "@Deprecated")))
                .get("src/com/acme/Bank.java"))
        .contains("@Deprecated\npublic class Bank {");
    assertThat(
            run(patch(
                    "insertNode",
                    "Type[fqn='com.acme.Bank']",
                    Map.of("member", "public int branches() { return 1; }")))
                .get("src/com/acme/Bank.java"))
        .contains("public int branches() {");
    ChangeSpec.Patch addImport =
        new ChangeSpec.Patch(
            "**/Bank.java", "insertNode", "Import[type='java.util.Objects']", Map.of());
    Map<String, String> withImport = run(addImport);
    assertThat(withImport.get("src/com/acme/Bank.java")).contains("import java.util.Objects;");
    assertThat(withImport.get("src/com/acme/Account.java")).doesNotContain("java.util.Objects");
  }

  @Test
  void somethingAlreadyThereIsLeftUnchanged() throws IOException {
    DtePreview annotated =
        preview(
            patch(
                "insertNode",
                "Method[type='com.acme.Account'][name='anonymous']",
                Map.of("annotation", "@Deprecated")));
    DtePreview again =
        previewAfterApplying(
            patch(
                "insertNode",
                "Method[type='com.acme.Account'][name='anonymous']",
                Map.of("annotation", "@Deprecated")));
    DtePreview absentImport =
        preview(patch("deleteNode", "Import[type='java.util.Map']", Map.of()));

    assertThat(annotated.patches()).containsExactly("src/com/acme/Account.java");
    assertThat(again.diffs()).isEmpty();
    assertThat(absentImport.diffs()).isEmpty();
    assertThat(absentImport.warnings()).contains("no file in scope is affected by the patches");
  }

  @Test
  void otherShapesAreRefusedWithTheFormsThatWork() {
    assertThatThrownBy(
            () ->
                run(
                    patch(
                        "insertNode",
                        "Method[type='com.acme.Account'][name='audit']",
                        Map.of("statement", "log();"))))
        .hasMessageContaining("statements are not inserted");
    assertThatThrownBy(() -> run(patch("insertNode", "Import[type='java.util.Objects']", Map.of())))
        .hasMessageContaining("/patches/0/path: adding an import needs a path");
  }
}
