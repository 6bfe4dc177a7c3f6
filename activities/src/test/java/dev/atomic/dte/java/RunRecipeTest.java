package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.DteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrewrite.ExecutionContext;
import org.openrewrite.Recipe;
import org.openrewrite.ScanningRecipe;
import org.openrewrite.TreeVisitor;
import org.openrewrite.config.CompositeRecipe;
import org.openrewrite.java.ChangeMethodName;

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

  @Test
  void aRecipeRunsOnTheTreesTheRecipeBeforeLeftUnlessAnotherPatchCameBetween() throws IOException {
    List<String> progress = new ArrayList<>();
    ChangeSpec chain =
        new ChangeSpec(
            "CS-5",
            "a recipe list",
            List.of("src/**/*.java"),
            "java",
            null,
            List.of(
                rename("com.acme.Account audit(..)", "record"),
                rename("com.acme.Account record(..)", "log"),
                patch(
                    "renameSymbol",
                    "Method[type='com.acme.Account'][name='transfer']",
                    Map.of("newName", "send")),
                rename("com.acme.Account log(..)", "note")),
            null,
            null,
            null,
            null);

    DtePreview preview = ENGINE.preview(chain, write(), List.of(), progress::add);

    assertThat(String.join("\n", preview.diffs().stream().map(d -> d.diff()).toList()))
        .contains(
            "+    note(\"check\");", "+  void note(String what) {", "+    from.send(\"bob\", 10);");
    assertThat(progress)
        .containsSubsequence(
            "patch 1/4: recipe",
            "patch 2/4: recipe",
            "ran on the 4 Java file(s) the previous recipe left, without parsing them again",
            "patch 3/4: renameSymbol",
            "patch 4/4: recipe");
    assertThat(progress.subList(progress.indexOf("patch 4/4: recipe"), progress.size()))
        .noneMatch(line -> line.startsWith("ran on the"))
        .anyMatch(line -> line.startsWith("parsed "));
  }

  @Test
  void aRecipeThatEditsEachFileOnItsOwnRunsOnTwoHalvesAtOnceWithTheSameResult() throws IOException {
    Path root = write();
    for (int i = 0; i < 40; i++) {
      Path caller = root.resolve("src/com/acme/calls/Caller" + i + ".java");
      Files.createDirectories(caller.getParent());
      Files.writeString(
          caller,
          """
          package com.acme.calls;

          import com.acme.Account;

          class Caller%d {
            void call(Account account) {
              account.audit("call %d");
            }
          }
          """
              .formatted(i, i));
    }
    ChangeSpec spec = spec(rename("com.acme.Account audit(..)", "record"));
    DteSettings settings = DteSettings.fromEnvironment().withParseCache(false);
    List<String> split = new ArrayList<>();
    List<String> whole = new ArrayList<>();

    DtePreview twoThreads =
        new DteEngine(settings.withWorkers(2)).preview(spec, root, List.of(), split::add);
    DtePreview oneThread =
        new DteEngine(settings.withWorkers(1)).preview(spec, root, List.of(), whole::add);

    assertThat(twoThreads.diffs()).hasSize(41).isEqualTo(oneThread.diffs());
    assertThat(twoThreads.diffs())
        .allSatisfy(d -> assertThat(d.diff()).containsPattern("\\+ *(account\\.|void )?record\\("));
    assertThat(split)
        .contains(
            "edited the 44 Java file(s) in two halves at once, since the change edits each file"
                + " on its own");
    assertThat(whole).noneMatch(line -> line.contains("two halves"));
  }

  @Test
  void aRecipeWithAScanningRecipeInItIsNotSplit() {
    Recipe scanning =
        new ScanningRecipe<Integer>() {
          @Override
          public String getDisplayName() {
            return "Count files";
          }

          @Override
          public String getDescription() {
            return "Counts the files it sees.";
          }

          @Override
          public Integer getInitialValue(ExecutionContext ctx) {
            return 0;
          }

          @Override
          public TreeVisitor<?, ExecutionContext> getScanner(Integer count) {
            return TreeVisitor.noop();
          }
        };
    Recipe perFile = new ChangeMethodName("com.acme.Account audit(..)", "record", null, null);

    assertThat(JavaSources.fileByFile(perFile)).isTrue();
    assertThat(JavaSources.fileByFile(scanning)).isFalse();
    assertThat(JavaSources.fileByFile(new CompositeRecipe(List.of(perFile, scanning)))).isFalse();
  }

  private static ChangeSpec.Patch rename(String pattern, String name) {
    return patch(
        "recipe",
        null,
        Map.of(
            "recipe",
            "org.openrewrite.java.ChangeMethodName",
            "options",
            Map.of("methodPattern", pattern, "newMethodName", name)));
  }
}
