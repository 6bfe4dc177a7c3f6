package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each Java operation on small before/after sources, with unchanged and refused cases. */
class JavaOperationsTest {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  @TempDir Path dir;

  private static final String STRINGS =
      """
      package com.acme.util;

      public final class Strings {
        public static boolean isBlank(String s) {
          return s == null || s.isBlank();
        }
      }
      """;

  private static final String TEXTS =
      """
      package com.acme.text;

      public final class Texts {
        public static boolean isBlank(String s) {
          return s == null || s.trim().isEmpty();
        }
      }
      """;

  private static final String ACCOUNT =
      """
      package com.acme;

      import com.acme.util.Strings;
      import java.util.List;

      public class Account {
        @Deprecated
        private String owner;
        private int balance;

        public Account(String owner) {
          this.owner = owner;
        }

        public void transfer(String to, int amount) {
          balance -= amount;
        }

        public boolean anonymous() {
          audit("check");
          return Strings.isBlank(owner);
        }

        void audit(String what) {
        }
      }
      """;

  private static final String BANK =
      """
      package com.acme;

      public class Bank {
        public void pay(Account from) {
          from.transfer("bob", 10);
        }
      }
      """;

  @Test
  void renamesAFieldAndItsUses() throws IOException {
    Map<String, String> after = run(patch("renameSymbol", "Field[type='com.acme.Account'][name='balance']", Map.of("newName", "cents")));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("  private int cents;", "    cents -= amount;")
        .doesNotContain("balance");
  }

  @Test
  void reordersArgumentsAtTheDeclarationAndEveryCall() throws IOException {
    Map<String, String> after =
        run(patch("replaceAPI", "MethodCall[type='com.acme.Account'][name='transfer']", Map.of("argsOrder", List.of("amount", "to"))));

    assertThat(after.get("src/com/acme/Account.java")).contains("public void transfer(int amount, String to) {");
    assertThat(after.get("src/com/acme/Bank.java")).contains("from.transfer(10, \"bob\");");
  }

  @Test
  void movesAStaticCallToAnotherType() throws IOException {
    Map<String, String> after =
        run(patch("replaceAPI", "MethodCall[type='com.acme.util.Strings'][name='isBlank']", Map.of("newTarget", "com.acme.text.Texts")));

    assertThat(after.get("src/com/acme/Account.java"))
        .contains("import com.acme.text.Texts;", "return Texts.isBlank(owner);")
        .doesNotContain("import com.acme.util.Strings;");
  }

  @Test
  void deletesImportsAnnotationsMembersAndCallStatements() throws IOException {
    assertThat(run(patch("deleteNode", "Import[type='java.util.List']", Map.of())).get("src/com/acme/Account.java"))
        .doesNotContain("import java.util.List;").contains("import com.acme.util.Strings;");
    assertThat(run(patch("deleteNode", "Annotation[type='java.lang.Deprecated']", Map.of())).get("src/com/acme/Account.java"))
        .doesNotContain("@Deprecated").contains("  private String owner;");
    assertThat(run(patch("deleteNode", "MethodCall[type='com.acme.Account'][name='audit']", Map.of())).get("src/com/acme/Account.java"))
        .doesNotContain("audit(\"check\");").contains("void audit(String what)");
    assertThat(run(patch("deleteNode", "Method[type='com.acme.Account'][name='audit']", Map.of("x", "y"))).get("src/com/acme/Account.java"))
        .doesNotContain("void audit(");
  }

  @Test
  void insertsAnnotationsMembersAndImports() throws IOException {
    assertThat(run(patch("insertNode", "Type[fqn='com.acme.Bank']", Map.of("annotation", "@Deprecated"))).get("src/com/acme/Bank.java"))
        .contains("@Deprecated\npublic class Bank {");
    assertThat(run(patch("insertNode", "Type[fqn='com.acme.Bank']", Map.of("member", "public int branches() { return 1; }"))).get("src/com/acme/Bank.java"))
        .contains("public int branches() {");
    ChangeSpec.Patch addImport = new ChangeSpec.Patch("**/Bank.java", "insertNode", "Import[type='java.util.Objects']", Map.of());
    Map<String, String> withImport = run(addImport);
    assertThat(withImport.get("src/com/acme/Bank.java")).contains("import java.util.Objects;");
    assertThat(withImport.get("src/com/acme/Account.java")).doesNotContain("java.util.Objects");
  }

  @Test
  void somethingAlreadyThereIsLeftUnchanged() throws IOException {
    DtePreview annotated = preview(patch("insertNode", "Method[type='com.acme.Account'][name='anonymous']", Map.of("annotation", "@Deprecated")));
    DtePreview again = previewOn(annotated, patch("insertNode", "Method[type='com.acme.Account'][name='anonymous']", Map.of("annotation", "@Deprecated")));
    DtePreview absentImport = preview(patch("deleteNode", "Import[type='java.util.Map']", Map.of()));

    assertThat(annotated.patches()).containsExactly("src/com/acme/Account.java");
    assertThat(again.diffs()).isEmpty();
    assertThat(absentImport.diffs()).isEmpty();
    assertThat(absentImport.warnings()).contains("no file in scope is affected by the patches");
  }

  @Test
  void runsARecipeClassWithOptions() throws IOException {
    Map<String, String> after =
        run(patch("recipe", null, Map.of("recipe", "org.openrewrite.java.ChangeMethodName",
            "options", Map.of("methodPattern", "com.acme.Account audit(..)", "newMethodName", "record"))));

    assertThat(after.get("src/com/acme/Account.java")).contains("record(\"check\");", "void record(String what)");
  }

  @Test
  void runsBundledMigrationRecipes() throws IOException {
    Path root = write();
    Files.writeString(root.resolve("src/com/acme/Legacy.java"),
        """
        package com.acme;

        public class Legacy {
          boolean start(char c) {
            return Character.isJavaLetter(c);
          }

        }
        """);

    DtePreview langApis = ENGINE.preview(spec(patch("recipe", null, Map.of("recipe", "org.openrewrite.java.migrate.lang.JavaLangAPIs"))), root);
    DtePreview java17 = ENGINE.preview(spec(patch("recipe", null, Map.of("recipe", "org.openrewrite.java.migrate.UpgradeToJava17"))), root);

    assertThat(langApis.diffs()).singleElement().satisfies(d ->
        assertThat(d.diff()).contains("+    return Character.isJavaIdentifierStart(c);"));
    assertThat(java17.diffs()).singleElement().satisfies(d ->
        assertThat(d.diff()).contains("+    return Character.isJavaIdentifierStart(c);"));
  }

  @Test
  void anUnknownRecipeOrBadOptionIsNamed() {
    assertThatThrownBy(() -> run(patch("recipe", null, Map.of("recipe", "org.example.NoSuchRecipe"))))
        .hasMessageContaining("/patches/0/details/recipe: no recipe named org.example.NoSuchRecipe");
    assertThatThrownBy(() -> run(patch("recipe", null, Map.of("recipe", "org.openrewrite.java.ChangeMethodName", "options", Map.of()))))
        .hasMessageContaining("/patches/0/details/options");
  }

  @Test
  void unsupportedShapesAreRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> run(patch("deleteNode", "Identifier[name='owner']", Map.of())))
        .hasMessageContaining("deleteNode takes Import[type=…], Annotation[type=…]");
    assertThatThrownBy(() -> run(patch("insertNode", "Method[type='com.acme.Account'][name='audit']", Map.of("statement", "log();"))))
        .hasMessageContaining("statements are not inserted");
    assertThatThrownBy(() -> run(patch("insertNode", "Import[type='java.util.Objects']", Map.of())))
        .hasMessageContaining("/patches/0/path: adding an import needs a path");
    assertThatThrownBy(() -> run(patch("replaceAPI", "MethodCall[type='com.acme.Account'][name='transfer']", Map.of())))
        .hasMessageContaining("replaceAPI needs newProperty, argsMap, argsOrder or newTarget");
  }

  private static ChangeSpec.Patch patch(String op, String selector, Map<String, Object> details) {
    return new ChangeSpec.Patch(null, op, selector, details);
  }

  private Map<String, String> run(ChangeSpec.Patch patch) throws IOException {
    Path root = write();
    ENGINE.apply(spec(patch), root);
    Map<String, String> files = new LinkedHashMap<>();
    for (String path : List.of("src/com/acme/Account.java", "src/com/acme/Bank.java")) {
      files.put(path, Files.readString(root.resolve(path)));
    }
    return files;
  }

  private DtePreview preview(ChangeSpec.Patch patch) throws IOException {
    Path root = write();
    return ENGINE.preview(spec(patch), root);
  }

  private DtePreview previewOn(DtePreview ignored, ChangeSpec.Patch patch) throws IOException {
    Path root = write();
    ENGINE.apply(spec(patch), root);
    return ENGINE.preview(spec(patch), root);
  }

  private Path write() throws IOException {
    Path root = Files.createTempDirectory(dir, "tree");
    Map<String, String> files = Map.of(
        "src/com/acme/Account.java", ACCOUNT,
        "src/com/acme/Bank.java", BANK,
        "src/com/acme/util/Strings.java", STRINGS,
        "src/com/acme/text/Texts.java", TEXTS);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
    return root;
  }

  private static ChangeSpec spec(ChangeSpec.Patch patch) {
    return new ChangeSpec("CS-3", "test", List.of("src/**/*.java"), "java", null, List.of(patch), null, null, null, null);
  }
}
