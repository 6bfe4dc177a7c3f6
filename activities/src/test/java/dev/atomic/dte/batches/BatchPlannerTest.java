package dev.atomic.dte.batches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.DteException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPlannerTest {

  @TempDir Path root;

  private final Map<String, String> base = new TreeMap<>();

  private void file(String path, String content) throws IOException {
    base.put(path, content);
    Path target = root.resolve(path);
    Files.createDirectories(target.getParent());
    Files.writeString(target, content);
  }

  private void baseTree() throws IOException {
    file(
        "src/main/java/a/Money.java",
        """
        package a;

        public class Money {
          public static String format(long cents) {
            return "$" + cents / 100 + "." + cents % 100;
          }
        }
        """);
    for (String name : List.of("One", "Two", "Three", "Four")) {
      file(
          "src/main/java/b/" + name + ".java",
          """
          package b;

          public class %s {
            public String show(long cents) {
              return "%s " + a.Money.format(cents);
            }
          }
          """
              .formatted(name, name));
    }
  }

  private ChangedFile changed(String path, String after) {
    return new ChangedFile(path, path, base.get(path), after);
  }

  @Test
  void independentEditsSplitAndANewMethodGoesBeforeItsFirstCaller() throws IOException {
    baseTree();
    List<ChangedFile> change = new ArrayList<>();
    change.add(
        changed(
            "src/main/java/a/Money.java",
            base.get("src/main/java/a/Money.java")
                .replace(
                    "  public static String format",
                    "  public static String compact(long cents) {\n    return cents / 100 + \"\";\n  }\n\n  public static String format")));
    change.add(
        changed(
            "src/main/java/b/Four.java",
            base.get("src/main/java/b/Four.java")
                .replace("a.Money.format(cents)", "a.Money.compact(cents)")));
    change.add(
        changed(
            "src/main/java/b/One.java",
            base.get("src/main/java/b/One.java").replace("\"One \"", "\"1 \"")));
    change.add(
        changed(
            "src/main/java/b/Three.java",
            base.get("src/main/java/b/Three.java").replace("\"Three \"", "\"3 \"")));
    change.add(
        changed(
            "src/main/java/b/Two.java",
            base.get("src/main/java/b/Two.java").replace("\"Two \"", "\"2 \"")));

    BatchPlanner.Plan plan = BatchPlanner.plan(root, change, List.of(), 1, message -> {});

    assertThat(plan.batches())
        .extracting(PlannedBatch::files)
        .containsExactly(
            List.of("src/main/java/a/Money.java"),
            List.of("src/main/java/b/Four.java"),
            List.of("src/main/java/b/One.java"),
            List.of("src/main/java/b/Three.java"),
            List.of("src/main/java/b/Two.java"));
    assertThat(plan.batches().get(1).dependsOn()).containsExactly("batch-1");
    assertThat(plan.batches())
        .filteredOn(b -> !b.id().equals("batch-2"))
        .allMatch(b -> b.dependsOn().isEmpty());
    assertThat(plan.batches()).allMatch(b -> b.reason() == null);
    assertThat(plan.buildCheck()).startsWith("every batch compiles");
  }

  @Test
  void aRenameAndEveryFileThatUsesItLandTogetherAndThePlanSaysWhy() throws IOException {
    baseTree();
    List<ChangedFile> change = new ArrayList<>();
    change.add(
        changed(
            "src/main/java/a/Money.java",
            base.get("src/main/java/a/Money.java").replace("format(", "render(")));
    for (String name : List.of("Four", "One", "Three", "Two")) {
      String path = "src/main/java/b/" + name + ".java";
      change.add(changed(path, base.get(path).replace("Money.format(", "Money.render(")));
    }

    BatchPlanner.Plan plan = BatchPlanner.plan(root, change, List.of(), 2, message -> {});

    assertThat(plan.batches()).hasSize(1);
    assertThat(plan.batches().get(0).files()).hasSize(5);
    assertThat(plan.batches().get(0).reason())
        .contains("5 files must land together", "format", "render");
  }

  @Test
  void packsIndependentFilesUpToTheTargetSize() throws IOException {
    baseTree();
    List<ChangedFile> change = new ArrayList<>();
    for (String name : List.of("Four", "One", "Three", "Two")) {
      String path = "src/main/java/b/" + name + ".java";
      change.add(changed(path, base.get(path).replace("\"" + name + " \"", "\"x \"")));
    }

    BatchPlanner.Plan plan = BatchPlanner.plan(root, change, List.of(), 3, message -> {});

    assertThat(plan.batches()).extracting(b -> b.files().size()).containsExactly(3, 1);
    assertThat(plan.batches()).allMatch(b -> b.dependsOn().isEmpty() && b.reason() == null);
  }

  @Test
  void aChangeThatLeavesTheTreeBrokenIsRefusedWithTheCompilersWords() throws IOException {
    baseTree();
    // The declaration is renamed but its callers are not part of the change.
    List<ChangedFile> change =
        List.of(
            changed(
                "src/main/java/a/Money.java",
                base.get("src/main/java/a/Money.java").replace("format(", "render(")));

    assertThatThrownBy(() -> BatchPlanner.plan(root, change, List.of(), 1, message -> {}))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.REFUSED);
              assertThat(e.reasons().get(0)).contains("does not compile");
              assertThat(String.join("\n", e.reasons()))
                  .contains("src/main/java/b/", "cannot find symbol");
            });
  }

  @Test
  void aDependencyTheNamesDoNotShowIsFoundByTheCompilerAndTheBatchesMerged() throws IOException {
    baseTree();
    // One.java starts to call a new overload of an existing name: the names alone do not show
    // that it needs Money.java's change, the compiler does.
    List<ChangedFile> change = new ArrayList<>();
    change.add(
        changed(
            "src/main/java/b/One.java",
            base.get("src/main/java/b/One.java")
                .replace("a.Money.format(cents)", "a.Money.format(cents, true)")));
    change.add(
        changed(
            "src/main/java/a/Money.java",
            base.get("src/main/java/a/Money.java")
                .replace(
                    "  public static String format",
                    "  public static String format(long cents, boolean sign) {\n    return (sign ? \"+\" : \"\") + format(cents);\n  }\n\n  public static String format")));
    change.add(
        changed(
            "src/main/java/b/Two.java",
            base.get("src/main/java/b/Two.java").replace("\"Two \"", "\"2 \"")));

    BatchPlanner.Plan plan =
        BatchPlanner.plan(
            root,
            change.stream().sorted((x, y) -> x.path().compareTo(y.path())).toList(),
            List.of(),
            1,
            m -> {});

    assertThat(plan.batches())
        .extracting(PlannedBatch::files)
        .containsExactly(
            List.of("src/main/java/a/Money.java"),
            List.of("src/main/java/b/One.java"),
            List.of("src/main/java/b/Two.java"));
    assertThat(plan.buildCheck()).startsWith("every batch compiles");
  }

  @Test
  void saysSoWhenTheBaseDoesNotCompileOnItsOwn() throws IOException {
    file(
        "src/main/java/c/NeedsALibrary.java",
        "package c;\n\nclass NeedsALibrary extends org.example.Missing {}\n");
    List<ChangedFile> change =
        List.of(
            changed(
                "src/main/java/c/NeedsALibrary.java",
                base.get("src/main/java/c/NeedsALibrary.java") + "// edited\n"));

    BatchPlanner.Plan plan = BatchPlanner.plan(root, change, List.of(), 1, message -> {});

    assertThat(plan.batches()).hasSize(1);
    assertThat(plan.buildCheck())
        .startsWith("not checked: the base tree does not compile on its own")
        .contains("NeedsALibrary");
  }

  @Test
  void refusesABatchSizeOutOfRange() {
    assertThatThrownBy(() -> BatchPlanner.plan(root, List.of(), List.of(), 0, m -> {}))
        .hasMessageContaining("batchSize");
  }
}
