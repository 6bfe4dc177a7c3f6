package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DemoRepo;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.DteSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsing only the files a change can touch, with the rest as signature stubs, gives the same bytes
 * as parsing every file: on each example, and on real code from Maven Central.
 */
@Timeout(600)
class CandidateParseTest {

  private static final DteSettings SETTINGS = DteSettings.fromEnvironment().withParseCache(false);
  private static final DteEngine CANDIDATES = new DteEngine(SETTINGS.withFullParse(false));
  private static final DteEngine FULL = new DteEngine(SETTINGS.withFullParse(true));

  @Test
  void theExamplesGiveTheSameEditsEitherWay(@TempDir Path dir) throws IOException {
    assertSameBothWays(DemoRepo.copy("demo-repo", dir.resolve("demo")), DemoRepo.spec("CS-001"));
    assertSameBothWays(DemoRepo.copy("maven-demo", dir.resolve("maven")), DemoRepo.spec("CS-002"));
    assertSameBothWays(
        DemoRepo.copy("billing-repo", dir.resolve("billing")), DemoRepo.spec("CS-003"));
    assertSameBothWays(DemoRepo.copy("guava-repo", dir.resolve("orders")), DemoRepo.spec("CS-004"));
  }

  @Test
  void aRealReactorGivesTheSameEditsEitherWayAndParsesOnlyTheCandidates(@TempDir Path dir)
      throws IOException {
    Path root = CentralProjects.grpcReactor(dir.resolve("grpc"));
    ChangeSpec rename =
        spec(
            new ChangeSpec.Patch(
                null,
                "renameSymbol",
                "Method[type='io.grpc.Deadline'][name='isExpired']",
                Map.of("newName", "hasExpired")));
    ChangeSpec moveType =
        spec(
            new ChangeSpec.Patch(
                null, "renameSymbol", "Type[fqn='io.grpc.Deadline']", Map.of("newName", "Expiry")));
    ChangeSpec guava =
        spec(
            new ChangeSpec.Patch(
                null,
                "replaceAPI",
                "MethodCall[type='com.google.common.base.Preconditions'][name='checkNotNull']",
                Map.of("newTarget", "java.util.Objects", "newProperty", "requireNonNull")));

    String refasterRecipes = "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes";
    ChangeSpec refaster =
        spec(
            new ChangeSpec.Patch(
                null,
                "recipe",
                null,
                Map.of(
                    "recipe",
                    refasterRecipes + "$PreconditionsCheckNotNullToObjectsRequireNonNullRecipe")),
            new ChangeSpec.Patch(
                null,
                "recipe",
                null,
                Map.of(
                    "recipe",
                    refasterRecipes
                        + "$PreconditionsCheckNotNullWithMessageToObjectsRequireNonNullRecipe")));

    List<String> progress = assertSameBothWays(root, rename);
    assertSameBothWays(root, moveType);
    assertSameBothWays(root, guava);
    List<String> recipe = assertSameBothWays(root, refaster);

    assertThat(progress)
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "parsed \\d+ Java file\\(s\\) of io\\.grpc:grpc-core \\(the files that mention isExpired\\),"
                            + " with \\d+ other file\\(s\\) as signature stubs that javac reads as it"
                            + " needs them, .*"));
    assertThat(recipe)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "(the files that mention checkNotNull, which the recipe's precondition"
                            + " requires)"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .matches(
                        "ran on the \\d+ Java file\\(s\\) the previous recipe left, without"
                            + " parsing them again"));
  }

  @Test
  void aStubWithATypeNothingDeclaresIsReadAsNeededAndTypesAsInAFullParse(@TempDir Path dir)
      throws IOException {
    Path repo = DemoRepo.copy("demo-repo", dir.resolve("demo"));
    java.nio.file.Files.writeString(repo.resolve("src/main/java/com/acme/app/Legacy.java"), LEGACY);
    java.nio.file.Files.writeString(
        repo.resolve("src/main/java/com/acme/app/Audit.java"),
        """
        package com.acme.app;

        import com.acme.model.UserId;

        class Audit {
          Object of(UserId id) {
            return new Legacy().thing();
          }
        }
        """);

    List<String> progress = assertSameBothWays(repo, DemoRepo.spec("CS-001"));

    assertThat(progress)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "other file(s) as signature stubs that javac reads as it needs them"));
  }

  @Test
  void stubsWithATypeNotNamedAfterItsFileAreCompiledFirst(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copy("maven-demo", dir.resolve("maven"));
    java.nio.file.Files.writeString(
        repo.resolve("src/main/java/com/acme/pricing/Shapes.java"),
        """
        package com.acme.pricing;

        public class Shapes {}

        class Circle {
          int radius() {
            return 1;
          }
        }
        """);
    java.nio.file.Files.writeString(
        repo.resolve("src/main/java/com/acme/pricing/Checkout.java"),
        """
        package com.acme.pricing;

        class Checkout {
          long total(long cents) {
            return Discounts.apply(cents, new Circle().radius());
          }
        }
        """);

    List<String> progress = assertSameBothWays(repo, DemoRepo.spec("CS-002"));

    assertThat(progress)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "src/main/java/com/acme/pricing/Shapes.java declares a top-level type not"
                            + " named after the file"))
        .anySatisfy(line -> assertThat(line).contains("other file(s) as compiled signature stubs"));
  }

  @Test
  void compiledStubsThatDoNotCompileAreParsedBesideTheCandidatesInstead(@TempDir Path dir)
      throws IOException {
    Path repo = DemoRepo.copy("demo-repo", dir.resolve("demo"));
    java.nio.file.Files.writeString(
        repo.resolve("src/main/java/com/acme/app/Legacy.java"),
        LEGACY + "\nclass LegacyHelper {}\n");

    List<String> progress = assertSameBothWays(repo, DemoRepo.spec("CS-001"));

    assertThat(progress)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "as signature stubs (parsed: they do not compile on their own: ",
                        "com.example.missing"));
  }

  private static final String LEGACY =
      """
      package com.acme.app;

      import com.example.missing.Thing;

      class Legacy {
        Thing thing() {
          return null;
        }
      }
      """;

  /** The preview both ways; returns the candidate run's progress lines. */
  private static List<String> assertSameBothWays(Path root, ChangeSpec spec) {
    List<String> progress = new ArrayList<>();
    DtePreview candidates = CANDIDATES.preview(spec, root, List.of(), progress::add);
    DtePreview full = FULL.preview(spec, root);
    assertThat(candidates.patches()).as(spec.id() + " on " + root.getFileName()).isNotEmpty();
    assertThat(candidates.diffs())
        .as(spec.id() + " on " + root.getFileName())
        .isEqualTo(full.diffs());
    assertThat(candidates.unresolvedTypes()).isEqualTo(full.unresolvedTypes());
    return progress;
  }

  private static ChangeSpec spec(ChangeSpec.Patch... patches) {
    return new ChangeSpec(
        "CS-9",
        "both ways",
        List.of("**/*.java"),
        "java",
        null,
        List.of(patches),
        null,
        null,
        null,
        null);
  }
}
