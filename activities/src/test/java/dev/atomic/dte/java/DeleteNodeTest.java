package dev.atomic.dte.java;

import static dev.atomic.dte.java.AccountTree.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DeleteNode}: imports, annotations, members and call statements. */
class DeleteNodeTest {

  @TempDir Path dir;

  private AccountTree tree;

  @org.junit.jupiter.api.BeforeEach
  void tree() {
    tree = new AccountTree(dir);
  }

  @Test
  void deletesImportsAnnotationsMembersAndCallStatements() throws IOException {
    assertThat(tree.run(patch("deleteNode", "Import[type='java.util.List']", Map.of())).get("src/com/acme/Account.java"))
        .doesNotContain("import java.util.List;").contains("import com.acme.util.Strings;");
    assertThat(tree.run(patch("deleteNode", "Annotation[type='java.lang.Deprecated']", Map.of())).get("src/com/acme/Account.java"))
        .doesNotContain("@Deprecated").contains("  private String owner;");
    assertThat(tree.run(patch("deleteNode", "MethodCall[type='com.acme.Account'][name='audit']", Map.of())).get("src/com/acme/Account.java"))
        .doesNotContain("audit(\"check\");").contains("void audit(String what)");
    assertThat(tree.run(patch("deleteNode", "Method[type='com.acme.Account'][name='audit']", Map.of("x", "y"))).get("src/com/acme/Account.java"))
        .doesNotContain("void audit(");
  }

  @Test
  void otherShapesAreRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> tree.run(patch("deleteNode", "Identifier[name='owner']", Map.of())))
        .hasMessageContaining("deleteNode takes Import[type=…], Annotation[type=…]");
  }
}
