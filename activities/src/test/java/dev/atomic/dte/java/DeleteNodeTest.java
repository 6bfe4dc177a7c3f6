package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DeleteNode}: imports, annotations, members and call statements. */
class DeleteNodeTest extends AccountTree {

  @Test
  void deletesImportsAnnotationsMembersAndCallStatements() throws IOException {
    assertThat(
            run(patch("deleteNode", "Import[type='java.util.List']", Map.of()))
                .get("src/com/acme/Account.java"))
        .doesNotContain("import java.util.List;")
        .contains("import com.acme.util.Strings;");
    assertThat(
            run(patch("deleteNode", "Annotation[type='java.lang.Deprecated']", Map.of()))
                .get("src/com/acme/Account.java"))
        .doesNotContain("@Deprecated")
        .contains("  private String owner;");
    assertThat(
            run(patch("deleteNode", "MethodCall[type='com.acme.Account'][name='audit']", Map.of()))
                .get("src/com/acme/Account.java"))
        .doesNotContain("audit(\"check\");")
        .contains("void audit(String what)");
    assertThat(
            run(patch(
                    "deleteNode",
                    "Method[type='com.acme.Account'][name='audit']",
                    Map.of("x", "y")))
                .get("src/com/acme/Account.java"))
        .doesNotContain("void audit(");
  }

  @Test
  void otherShapesAreRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> run(patch("deleteNode", "Identifier[name='owner']", Map.of())))
        .hasMessageContaining("deleteNode takes Import[type=…], Annotation[type=…]");
  }
}
