package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ReplaceApi} on methods the tree declares; library methods in LibraryApiMigrationTest. */
class ReplaceApiTest extends AccountTree {

  @Test
  void reordersArgumentsAtTheDeclarationAndEveryCall() throws IOException {
    Map<String, String> after =
        run(
            patch(
                "replaceAPI",
                "MethodCall[type='com.acme.Account'][name='transfer']",
                Map.of("argsOrder", List.of("amount", "to"))));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("public void transfer(int amount, String to) {");
    assertThat(after.get("src/com/acme/Bank.java")).contains("from.transfer(10, \"bob\");");
  }

  @Test
  void movesAStaticCallToAnotherType() throws IOException {
    Map<String, String> after =
        run(
            patch(
                "replaceAPI",
                "MethodCall[type='com.acme.util.Strings'][name='isBlank']",
                Map.of("newTarget", "com.acme.text.Texts")));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("import com.acme.text.Texts;", "return Texts.isBlank(owner);")
        .doesNotContain("import com.acme.util.Strings;");
  }

  @Test
  void aReplacementWithNothingToDoIsRefused() {
    assertThatThrownBy(
            () ->
                run(
                    patch(
                        "replaceAPI",
                        "MethodCall[type='com.acme.Account'][name='transfer']",
                        Map.of())))
        .hasMessageContaining("replaceAPI needs newProperty, argsMap, argsOrder or newTarget");
  }
}
