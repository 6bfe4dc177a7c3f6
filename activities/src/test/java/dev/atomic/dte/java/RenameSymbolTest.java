package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RenameSymbol} on a field; types, methods and packages in DteEngineTest. */
class RenameSymbolTest extends AccountTree {

  @Test
  void renamesAFieldAndItsUses() throws IOException {
    Map<String, String> after =
        run(
            patch(
                "renameSymbol",
                "Field[type='com.acme.Account'][name='balance']",
                Map.of("newName", "cents")));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("  private int cents;", "    cents -= amount;")
        .doesNotContain("balance");
  }
}
