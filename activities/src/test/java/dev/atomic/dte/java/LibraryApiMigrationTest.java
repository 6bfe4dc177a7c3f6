package dev.atomic.dte.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DteException;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.DteSettings;
import dev.atomic.dte.java.classpath.MavenClasspaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guava's {@code Preconditions.checkNotNull} → {@code java.util.Objects.requireNonNull} on gRPC's
 * API module, a real project from Maven Central typed against its own Maven classpath.
 */
@Timeout(300)
class LibraryApiMigrationTest {

  private static final DteSettings SETTINGS = DteSettings.fromEnvironment();
  private static final DteEngine ENGINE = new DteEngine(SETTINGS.withParseCache(true));

  /** checkNotNull to Objects.requireNonNull, written unqualified with a static import. */
  private static final Map<String, Object> STATIC_IMPORT =
      Map.of(
          "newTarget", "java.util.Objects", "newProperty", "requireNonNull", "staticImport", true);

  private static final String CHECK_NOT_NULL =
      "MethodCall[type='com.google.common.base.Preconditions'][name='checkNotNull']";

  @Test
  void callsMoveToTheJdkWhereAnOverloadExistsAndTheReactorStillCompiles(@TempDir Path dir)
      throws IOException {
    Path root = CentralProjects.grpcReactor(dir.resolve("grpc"));
    String context = Files.readString(root.resolve("api/src/main/java/io/grpc/Context.java"));
    String stats = "core/src/main/java/io/grpc/internal/StatsTraceContext.java";
    int templates = templateCalls(root);
    assertThat(templates).isEqualTo(5);

    DtePreview result =
        ENGINE.apply(
            reactorSpec(
                new ChangeSpec.Patch(
                    null,
                    "replaceAPI",
                    CHECK_NOT_NULL,
                    Map.of("newTarget", "java.util.Objects", "newProperty", "requireNonNull"))),
            root);

    assertThat(result.patches())
        .hasSizeGreaterThan(40)
        .anyMatch(p -> p.startsWith("api/"))
        .anyMatch(p -> p.startsWith("core/"));
    // io.grpc.Context declares and calls a checkNotNull of its own: untouched.
    assertThat(Files.readString(root.resolve("api/src/main/java/io/grpc/Context.java")))
        .isEqualTo(context);
    // Calls with a message template have no counterpart in Objects: left, and named.
    assertThat(templateCalls(root)).isEqualTo(templates);
    assertThat(Files.readString(root.resolve(stats)))
        .contains("Objects.requireNonNull(")
        .contains("import java.util.Objects;");
    assertThat(result.warnings())
        .anySatisfy(w -> assertThat(w).contains("left " + templates + " call(s)"));
    assertThat(result.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(stats + ": checkNotNull(ctx, \"%s returns null context\", tracer)")
                    .contains(
                        "java.util.Objects has no requireNonNull that takes (io.grpc.Context, java.lang.String, io.grpc.StreamTracer)"));
    assertNoUnusedPreconditionsImport(root);
    assertThat(compileReactor(root, dir)).isEmpty();
  }

  @Test
  void aRenameCrossesTheReactorsModulesAndItStillCompiles(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcReactor(dir.resolve("grpc"));

    DtePreview result =
        ENGINE.apply(
            reactorSpec(
                new ChangeSpec.Patch(
                    null,
                    "renameSymbol",
                    "Method[type='io.grpc.Deadline'][name='isExpired']",
                    Map.of("newName", "hasExpired"))),
            root);

    assertThat(result.patches())
        .contains(
            "api/src/main/java/io/grpc/Deadline.java",
            "core/src/main/java/io/grpc/internal/ClientCallImpl.java");
    assertThat(
            Files.readString(
                root.resolve("core/src/main/java/io/grpc/internal/ClientCallImpl.java")))
        .contains(".hasExpired()")
        .doesNotContain(".isExpired()");
    assertThat(compileReactor(root, dir)).isEmpty();
  }

  @Test
  void twoHalvesAtOnceGiveWhatOneRunGives(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcReactor(dir.resolve("grpc"));
    ChangeSpec spec =
        reactorSpec(new ChangeSpec.Patch(null, "replaceAPI", CHECK_NOT_NULL, STATIC_IMPORT));
    DteSettings settings = SETTINGS.withParseCache(false);
    List<String> split = new java.util.ArrayList<>();

    DtePreview twoThreads =
        new DteEngine(settings.withWorkers(2)).preview(spec, root, List.of(), split::add);
    DtePreview oneThread =
        new DteEngine(settings.withWorkers(1)).preview(spec, root, List.of(), line -> {});

    assertThat(split).anyMatch(line -> line.contains("in two halves at once"));
    assertThat(twoThreads.diffs()).hasSizeGreaterThan(40).isEqualTo(oneThread.diffs());
    assertThat(twoThreads.warnings())
        .isEqualTo(oneThread.warnings())
        .anyMatch(w -> w.contains("left 5 call(s)"));
  }

  private static List<String> compileReactor(Path root, Path dir) throws IOException {
    List<Path> libraries =
        new MavenClasspaths(SETTINGS.maven()).resolve(root, m -> {}).everyEntry();
    return dev.atomic.dte.DemoRepo.compile(
        List.of(root.resolve("api/src/main/java"), root.resolve("core/src/main/java")),
        libraries,
        dir.resolve("classes"));
  }

  private static ChangeSpec reactorSpec(ChangeSpec.Patch... patches) {
    return spec("**/*.java", patches);
  }

  @Test
  void theExampleMigratesWhatTheJdkHasAndTheTypecheckInvariantUsesTheMavenClasspath(
      @TempDir Path dir) throws IOException {
    Path root = dev.atomic.dte.DemoRepo.copy("guava-repo", dir.resolve("orders"));
    ChangeSpec spec = dev.atomic.dte.DemoRepo.spec("CS-004");
    String inventory =
        Files.readString(root.resolve("src/main/java/com/acme/orders/Inventory.java"));

    DtePreview result = ENGINE.apply(spec, root);

    assertThat(result.patches()).containsExactly("src/main/java/com/acme/orders/Order.java");
    assertThat(Files.readString(root.resolve("src/main/java/com/acme/orders/Order.java")))
        .contains(
            "import java.util.Objects;",
            "this.product = Objects.requireNonNull(product);",
            "this.note = Objects.requireNonNull(note, \"note\");",
            "return new Order(checkNotNull(newProduct, \"product of order %s\", this), quantity, note);",
            "import static com.google.common.base.Preconditions.checkNotNull;")
        .doesNotContain("import com.google.common.base.Preconditions;");
    assertThat(Files.readString(root.resolve("src/main/java/com/acme/orders/Inventory.java")))
        .isEqualTo(inventory);
    assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("left 1 call(s)"));
    var report =
        dev.atomic.dte.verify.Invariants.verify(spec, root, new MavenClasspaths(SETTINGS.maven()));
    assertThat(report.invariants())
        .singleElement()
        .satisfies(i -> assertThat(i.passed()).as(i.evidence().toString()).isTrue());
    assertThat(dev.atomic.dte.verify.Invariants.verify(spec, root).invariants().get(0).passed())
        .isFalse();
  }

  @Test
  void anArgumentCountSelectsOneOverload(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcReactor(dir.resolve("grpc"));

    int[] every = migrated(root, CHECK_NOT_NULL);
    int[] one = migrated(root, CHECK_NOT_NULL + "[args=1]");
    int[] two = migrated(root, CHECK_NOT_NULL + "[args=2]");
    int[] three = migrated(root, CHECK_NOT_NULL + "[args=3]");

    assertThat(one[0]).isPositive();
    assertThat(two[0]).isPositive();
    assertThat(one[0] + two[0]).isEqualTo(every[0]);
    assertThat(one[1]).isZero();
    assertThat(two[1]).isZero();
    assertThat(three).containsExactly(0, templateCalls(root));
    assertThat(every[1]).isEqualTo(templateCalls(root));
  }

  /** {migrated, left unchanged} as the preview reports them for this selector. */
  private static int[] migrated(Path root, String selector) {
    List<String> progress = new java.util.ArrayList<>();
    ENGINE.preview(
        reactorSpec(
            new ChangeSpec.Patch(
                null,
                "replaceAPI",
                selector,
                Map.of("newTarget", "java.util.Objects", "newProperty", "requireNonNull"))),
        root,
        List.of(),
        progress::add);
    Matcher counts =
        Pattern.compile("replaceAPI: (\\d+) call\\(s\\) migrated, (\\d+) left unchanged")
            .matcher(String.join("\n", progress));
    assertThat(counts.find()).as("progress of " + selector).isTrue();
    return new int[] {Integer.parseInt(counts.group(1)), Integer.parseInt(counts.group(2))};
  }

  @Test
  void theBundledRewriteMigrateJavaRecipeCompilesToo(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcReactor(dir.resolve("grpc"));

    DtePreview result =
        ENGINE.apply(
            reactorSpec(
                recipe(
                    "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullToObjectsRequireNonNullRecipe"),
                recipe(
                    "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullWithMessageToObjectsRequireNonNullRecipe")),
            root);

    assertThat(result.patches()).hasSizeGreaterThan(40);
    assertThat(templateCalls(root)).isEqualTo(5);
    assertThat(compileReactor(root, dir)).isEmpty();
  }

  @Test
  void withoutTheClasspathTheRecipeWouldMatchNothingAndThePreviewSaysWhy(@TempDir Path dir)
      throws IOException {
    Path root = CentralProjects.grpcApi(dir.resolve("grpc-api"));
    Files.delete(root.resolve("pom.xml"));

    DtePreview preview =
        ENGINE.preview(
            spec(
                recipe(
                    "org.openrewrite.java.migrate.guava.NoGuavaRefasterRecipes$PreconditionsCheckNotNullToObjectsRequireNonNullRecipe")),
            root);

    assertThat(preview.patches()).isEmpty();
    assertThat(preview.unresolvedTypes()).contains("com.google.common.base.Preconditions");
    assertThat(preview.warnings())
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("cannot be resolved")
                    .contains("com.google.common.base.Preconditions"));
  }

  @Test
  void aPlainTreeTakesAnExplicitClasspath(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcApi(dir.resolve("grpc-api"));
    List<Path> jars = classpath(root);
    Files.delete(root.resolve("pom.xml"));

    DtePreview preview =
        ENGINE.preview(
            replaceApi(
                CHECK_NOT_NULL,
                Map.of("newTarget", "java.util.Objects", "newProperty", "requireNonNull")),
            root,
            jars,
            m -> {});

    assertThat(preview.patches()).hasSizeGreaterThan(20);
    assertThat(preview.unresolvedTypes()).isNull();
  }

  @Test
  void staticImportWritesTheCallsUnqualifiedWhereNothingWouldShadowTheImport(@TempDir Path dir)
      throws IOException {
    List<Path> jars = classpath(CentralProjects.grpcApi(dir.resolve("grpc-api")));
    Path root = dir.resolve("plain");
    Path pkg = Files.createDirectories(root.resolve("src/main/java/com/acme"));
    Files.writeString(
        pkg.resolve("Orders.java"),
        """
        package com.acme;

        import static com.google.common.base.Preconditions.checkNotNull;

        import com.google.common.base.Preconditions;

        class Orders {
          String id;

          Orders(String id, Object owner) {
            this.id = Preconditions.checkNotNull(id, "id");
            checkNotNull(owner);
          }
        }
        """);
    Files.writeString(
        pkg.resolve("Guarded.java"),
        """
        package com.acme;

        import com.google.common.base.Preconditions;

        class Guarded {
          static <T> T requireNonNull(T value) {
            return value;
          }

          Object keep(Object value) {
            return Preconditions.checkNotNull(value);
          }
        }
        """);
    Files.writeString(
        pkg.resolve("Checks.java"),
        """
        package com.acme;

        public final class Checks {
          public static void requireNonNull(Object value, String name) {}
        }
        """);
    Files.writeString(
        pkg.resolve("Imported.java"),
        """
        package com.acme;

        import static com.acme.Checks.*;

        import com.google.common.base.Preconditions;

        class Imported {
          void check(Object value) {
            requireNonNull(value, "value");
            Preconditions.checkNotNull(value);
          }
        }
        """);
    List<String> progress = new java.util.ArrayList<>();

    DtePreview result =
        ENGINE.apply(replaceApi(CHECK_NOT_NULL, STATIC_IMPORT), root, jars, progress::add);

    assertThat(result.patches()).hasSize(3);
    assertThat(Files.readString(pkg.resolve("Orders.java")))
        .contains("import static java.util.Objects.requireNonNull;")
        .contains("this.id = requireNonNull(id, \"id\");")
        .contains("    requireNonNull(owner);")
        .doesNotContain("Preconditions")
        .doesNotContain("checkNotNull");
    // The class's own requireNonNull would win over an import: the call stays qualified.
    assertThat(Files.readString(pkg.resolve("Guarded.java")))
        .contains("return Objects.requireNonNull(value);")
        .contains("import java.util.Objects;")
        .doesNotContain("import static java.util.Objects");
    // The new import would shadow Checks.requireNonNull, which the file calls: qualified.
    assertThat(Files.readString(pkg.resolve("Imported.java")))
        .contains("    requireNonNull(value, \"value\");")
        .contains("    Objects.requireNonNull(value);")
        .doesNotContain("import static java.util.Objects");
    assertThat(progress)
        .contains(
            "replaceAPI: 4 call(s) migrated (2 written qualified, where a static import would"
                + " clash with a method of the same name), 0 left unchanged");
    assertThat(
            dev.atomic.dte.DemoRepo.compile(
                List.of(root.resolve("src/main/java")), jars, dir.resolve("classes")))
        .isEmpty();
  }

  @Test
  void staticImportIsABooleanForCallsMovedToANewTarget(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcApi(dir.resolve("grpc-api"));

    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    replaceApi(
                        CHECK_NOT_NULL,
                        Map.of("newTarget", "java.util.Objects", "staticImport", "yes")),
                    root))
        .hasMessageContaining("/patches/0/details/staticImport: must be true or false");
    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    replaceApi(
                        CHECK_NOT_NULL,
                        Map.of("newProperty", "requireNonNull", "staticImport", true)),
                    root))
        .hasMessageContaining("/patches/0/details/staticImport: writes the calls moved to")
        .hasMessageContaining("give newTarget");
  }

  @Test
  void aTypeThatNothingDeclaresIsRefusedByName(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcApi(dir.resolve("grpc-api"));

    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    replaceApi(
                        "MethodCall[type='com.google.common.base.Precondition'][name='checkNotNull']",
                        Map.of("newTarget", "java.util.Objects")),
                    root))
        .isInstanceOfSatisfying(
            DteException.class, e -> assertThat(e.kind()).isEqualTo(DteException.Kind.INVALID))
        .hasMessageContaining(
            "/patches/0/selector: type com.google.common.base.Precondition cannot be resolved")
        .hasMessageContaining("io.grpc:grpc-api");
    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    replaceApi(CHECK_NOT_NULL, Map.of("newTarget", "java.util.Objectz")), root))
        .hasMessageContaining(
            "/patches/0/details/newTarget: type java.util.Objectz cannot be resolved");
    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    spec(
                        recipe(
                            "org.openrewrite.java.ChangeMethodName",
                            Map.of(
                                "methodPattern",
                                "com.google.common.base.Precondition checkNotNull(..)",
                                "newMethodName",
                                "x"))),
                    root))
        .hasMessageContaining(
            "/patches/0/details/options/methodPattern: type com.google.common.base.Precondition cannot be resolved");
  }

  @Test
  void aBrokenOrUnresolvablePomIsNamed(@TempDir Path dir) throws IOException {
    Path root = CentralProjects.grpcApi(dir.resolve("grpc-api"));
    ChangeSpec spec = replaceApi(CHECK_NOT_NULL, Map.of("newProperty", "checkNotNull"));
    String pom = Files.readString(root.resolve("pom.xml"));

    Files.writeString(root.resolve("pom.xml"), pom.replace("</dependencies>", ""));
    assertThatThrownBy(() -> ENGINE.preview(spec, root))
        .isInstanceOf(DteException.class)
        .hasMessageContaining("pom.xml");

    Files.writeString(
        root.resolve("pom.xml"),
        pom.replace("<version>3.0.2</version>", "<version>0.0.404</version>"));
    assertThatThrownBy(() -> ENGINE.preview(spec, root))
        .isInstanceOfSatisfying(
            DteException.class, e -> assertThat(e.kind()).isEqualTo(DteException.Kind.INVALID))
        .hasMessageContaining("module io.grpc:grpc-api")
        .hasMessageContaining("com.google.code.findbugs:jsr305:0.0.404");
  }

  private static ChangeSpec replaceApi(String selector, Map<String, Object> details) {
    return spec(new ChangeSpec.Patch(null, "replaceAPI", selector, details));
  }

  private static ChangeSpec spec(ChangeSpec.Patch... patches) {
    return spec("src/main/java/**/*.java", patches);
  }

  private static ChangeSpec spec(String scope, ChangeSpec.Patch... patches) {
    return new ChangeSpec(
        "CS-GUAVA",
        "Guava Preconditions to the JDK",
        List.of(scope),
        "java",
        null,
        List.of(patches),
        null,
        null,
        null,
        null);
  }

  private static ChangeSpec.Patch recipe(String name) {
    return new ChangeSpec.Patch(null, "recipe", null, Map.of("recipe", name));
  }

  private static ChangeSpec.Patch recipe(String name, Map<String, Object> options) {
    return new ChangeSpec.Patch(null, "recipe", null, Map.of("recipe", name, "options", options));
  }

  private static List<Path> classpath(Path root) {
    return new MavenClasspaths(SETTINGS.maven()).resolve(root, m -> {}).everyEntry();
  }

  /** checkNotNull calls with a message template (three or more arguments), outside Context. */
  private static int templateCalls(Path root) throws IOException {
    Pattern call = Pattern.compile("checkNotNull\\([^;\\n]*?,\\s*\"[^\"\\n]*%s");
    int count = 0;
    try (var files = Files.walk(root)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java") && !f.endsWith("Context.java"))
              .toList()) {
        Matcher matcher = call.matcher(Files.readString(file));
        while (matcher.find()) {
          count++;
        }
      }
    }
    return count;
  }

  private static void assertNoUnusedPreconditionsImport(Path root) throws IOException {
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        String body = text.replaceAll("(?m)^import .*$", "");
        if (text.contains("import com.google.common.base.Preconditions;")) {
          assertThat(body).as(file + " imports Preconditions").contains("Preconditions.");
        }
        if (text.contains("import static com.google.common.base.Preconditions.checkNotNull;")) {
          assertThat(body).as(file + " imports checkNotNull").contains("checkNotNull(");
        }
      }
    }
  }
}
