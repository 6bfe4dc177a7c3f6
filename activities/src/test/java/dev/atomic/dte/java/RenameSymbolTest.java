package dev.atomic.dte.java;

import static dev.atomic.dte.java.AccountTree.patch;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link RenameSymbol} on a field; types, methods and packages in DteEngineTest. */
class RenameSymbolTest {

  @TempDir Path dir;

  private AccountTree tree;

  @org.junit.jupiter.api.BeforeEach
  void tree() {
    tree = new AccountTree(dir);
  }

  @Test
  void renamesAFieldAndItsUses() throws IOException {
    Map<String, String> after = tree.run(patch("renameSymbol", "Field[type='com.acme.Account'][name='balance']", Map.of("newName", "cents")));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("  private int cents;", "    cents -= amount;")
        .doesNotContain("balance");
  }
}
