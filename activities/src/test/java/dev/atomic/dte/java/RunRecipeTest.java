package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.DtePreview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RunRecipe}: recipe classes with options and bundled declarative recipes. */
class RunRecipeTest extends AccountTree {

  @Test
  void runsARecipeClassWithOptions() throws IOException {
    Map<String, String> after =
        run(
            patch(
                "recipe",
                null,
                Map.of(
                    "recipe",
                    "org.openrewrite.java.ChangeMethodName",
                    "options",
                    Map.of(
                        "methodPattern",
                        "com.acme.Account audit(..)",
                        "newMethodName",
                        "record"))));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("record(\"check\");", "void record(String what)");
  }

  @Test
  void runsBundledMigrationRecipes() throws IOException {
    Path root = write();
    Files.writeString(
        root.resolve("src/com/acme/Legacy.java"),
        """
        package com.acme;

        public class Legacy {
          boolean start(char c) {
            return Character.isJavaLetter(c);
          }

        }
        """);

    DtePreview langApis =
        ENGINE.preview(
            spec(
                patch(
                    "recipe",
                    null,
                    Map.of("recipe", "org.openrewrite.java.migrate.lang.JavaLangAPIs"))),
            root);
    DtePreview java17 =
        ENGINE.preview(
            spec(
                patch(
                    "recipe",
                    null,
                    Map.of("recipe", "org.openrewrite.java.migrate.UpgradeToJava17"))),
            root);

    assertThat(langApis.diffs())
        .singleElement()
        .satisfies(
            d -> assertThat(d.diff()).contains("+    return Character.isJavaIdentifierStart(c);"));
    assertThat(java17.diffs())
        .singleElement()
        .satisfies(
            d -> assertThat(d.diff()).contains("+    return Character.isJavaIdentifierStart(c);"));
  }

  @Test
  void anUnknownRecipeOrBadOptionIsNamed() {
    assertThatThrownBy(
            () -> run(patch("recipe", null, Map.of("recipe", "org.example.NoSuchRecipe"))))
        .hasMessageContaining(
            "/patches/0/details/recipe: no recipe named org.example.NoSuchRecipe");
    assertThatThrownBy(
            () ->
                run(
                    patch(
                        "recipe",
                        null,
                        Map.of(
                            "recipe",
                            "org.openrewrite.java.ChangeMethodName",
                            "options",
                            Map.of()))))
        .hasMessageContaining("/patches/0/details/options");
  }
}
