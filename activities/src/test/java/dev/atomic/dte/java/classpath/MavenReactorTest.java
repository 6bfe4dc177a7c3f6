package dev.atomic.dte.java.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.dte.ChangeSpec;
import dev.atomic.dte.DteEngine;
import dev.atomic.dte.DtePreview;
import dev.atomic.dte.DteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-module reactor: a parent POM with dependency management and a profile that stays off, a
 * {@code core} module and an {@code app} module that depends on it and on Guava.
 */
@Timeout(300)
class MavenReactorTest {

  private static final DteSettings SETTINGS = DteSettings.fromEnvironment();

  @Test
  void eachModuleGetsItsOwnClasspathWithTheReactorModulesItNeeds(@TempDir Path dir)
      throws IOException {
    Path root = reactor(dir);

    ProjectClasspath classpath = new MavenClasspaths(SETTINGS.maven()).resolve(root, m -> {});

    assertThat(classpath.modules())
        .extracting(ProjectClasspath.Module::id)
        .containsExactlyInAnyOrder("com.acme:shop", "com.acme:core", "com.acme:app");
    ProjectClasspath.Module core = classpath.module("com.acme:core");
    ProjectClasspath.Module app = classpath.module("com.acme:app");
    assertThat(core.dir()).isEqualTo("core");
    assertThat(core.compile()).noneMatch(p -> p.toString().contains("guava"));
    // The managed version from the parent, and nothing from the profile that is off.
    assertThat(app.compile())
        .anyMatch(p -> p.getFileName().toString().equals("guava-33.4.8-android.jar"));
    assertThat(app.test()).noneMatch(p -> p.toString().contains("jsr305"));
    assertThat(app.reactorDependencies()).containsExactly("com.acme:core");
    assertThat(classpath.moduleOf("app/src/main/java/com/acme/app/Checkout.java")).isEqualTo(app);
    assertThat(classpath.moduleOf("core/src/main/java/com/acme/core/Money.java")).isEqualTo(core);
  }

  @Test
  void aRenameCrossesModulesAndALibraryCallMigratesInTheModuleThatHasTheLibrary(@TempDir Path dir)
      throws IOException {
    Path root = reactor(dir);
    DteEngine engine = new DteEngine(SETTINGS);
    ChangeSpec spec =
        new ChangeSpec(
            "CS-R",
            "rename across modules",
            List.of("**/*.java"),
            "java",
            null,
            List.of(
                new ChangeSpec.Patch(
                    null,
                    "renameSymbol",
                    "Type[fqn='com.acme.core.Money']",
                    Map.of("newName", "Amount")),
                new ChangeSpec.Patch(
                    null,
                    "replaceAPI",
                    "MethodCall[type='com.google.common.base.Preconditions'][name='checkArgument'][args=1]",
                    Map.of("newTarget", "com.acme.core.Checks", "newProperty", "require"))),
            null,
            null,
            null,
            null);

    DtePreview result = engine.apply(spec, root);

    assertThat(result.patches())
        .contains(
            "core/src/main/java/com/acme/core/Amount.java",
            "app/src/main/java/com/acme/app/Checkout.java");
    String checkout =
        Files.readString(root.resolve("app/src/main/java/com/acme/app/Checkout.java"));
    assertThat(checkout)
        .contains("import com.acme.core.Amount;")
        .contains("Amount total(Amount a, Amount b)")
        .contains("Checks.require(a.cents() >= 0);")
        .doesNotContain("Preconditions");
    assertThat(result.unresolvedTypes()).isNull();
  }

  @Test
  void aResolutionIsKeptOnDiskForTheNextProcessUntilAPomOrAJarChanges(@TempDir Path dir)
      throws IOException {
    Path root = reactor(dir);
    MavenClasspaths.Settings settings =
        new MavenClasspaths.Settings(
            SETTINGS.maven().localRepository(), SETTINGS.maven().mirror(), dir.resolve("cache"));
    List<String> first = new java.util.ArrayList<>();
    ProjectClasspath resolved = new MavenClasspaths(settings).resolve(root, first::add);

    List<String> second = new java.util.ArrayList<>();
    ProjectClasspath kept = new MavenClasspaths(settings).resolve(root, second::add);

    assertThat(first).anyMatch(line -> line.contains("resolved in"));
    assertThat(second)
        .noneMatch(line -> line.contains("resolving"))
        .anyMatch(line -> line.contains("as resolved before for these 3 pom.xml file(s)"));
    assertThat(kept).isEqualTo(resolved);

    // another POM is another key: resolved again
    Path app = root.resolve("app/pom.xml");
    Files.writeString(
        app, Files.readString(app).replace("</project>", "<!-- edited --></project>"));
    List<String> edited = new java.util.ArrayList<>();
    new MavenClasspaths(settings).resolve(root, edited::add);
    assertThat(edited).anyMatch(line -> line.contains("resolving"));

    // an entry naming a jar that is gone is not used
    Path cacheDir = dir.resolve("cache");
    try (var entries = Files.list(cacheDir)) {
      for (Path entry : entries.toList()) {
        Files.writeString(
            entry, Files.readString(entry).replace("guava-33.4.8-android.jar", "gone.jar"));
      }
    }
    List<String> gone = new java.util.ArrayList<>();
    assertThat(new MavenClasspaths(settings).resolve(root, gone::add)).isEqualTo(resolved);
    assertThat(gone).anyMatch(line -> line.contains("resolving"));
  }

  @Test
  void aModuleWhosePomIsMissingIsNamed(@TempDir Path dir) throws IOException {
    Path root = reactor(dir);
    Files.delete(root.resolve("core/pom.xml"));

    assertThatThrownBy(() -> new MavenClasspaths(SETTINGS.maven()).resolve(root, m -> {}))
        .isInstanceOf(dev.atomic.dte.DteException.class)
        .hasMessageContaining(
            "pom.xml: declares module 'core', but core/pom.xml does not exist in the tree");
  }

  private static Path reactor(Path dir) throws IOException {
    Path root = dir.resolve("shop");
    write(
        root.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme</groupId>
          <artifactId>shop</artifactId>
          <version>1.0.0</version>
          <packaging>pom</packaging>
          <modules>
            <module>core</module>
            <module>app</module>
          </modules>
          <dependencyManagement>
            <dependencies>
              <dependency>
                <groupId>com.google.guava</groupId>
                <artifactId>guava</artifactId>
                <version>33.4.8-android</version>
              </dependency>
            </dependencies>
          </dependencyManagement>
          <profiles>
            <profile>
              <id>extra</id>
              <dependencies>
                <dependency>
                  <groupId>com.google.code.findbugs</groupId>
                  <artifactId>jsr305</artifactId>
                  <version>3.0.2</version>
                </dependency>
              </dependencies>
            </profile>
          </profiles>
        </project>
        """);
    write(
        root.resolve("core/pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>com.acme</groupId>
            <artifactId>shop</artifactId>
            <version>1.0.0</version>
          </parent>
          <artifactId>core</artifactId>
        </project>
        """);
    write(
        root.resolve("app/pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <parent>
            <groupId>com.acme</groupId>
            <artifactId>shop</artifactId>
            <version>1.0.0</version>
          </parent>
          <artifactId>app</artifactId>
          <dependencies>
            <dependency>
              <groupId>com.acme</groupId>
              <artifactId>core</artifactId>
              <version>${project.version}</version>
            </dependency>
            <dependency>
              <groupId>com.google.guava</groupId>
              <artifactId>guava</artifactId>
            </dependency>
          </dependencies>
        </project>
        """);
    write(
        root.resolve("core/src/main/java/com/acme/core/Money.java"),
        """
        package com.acme.core;

        public record Money(long cents) {
          public Money plus(Money other) {
            return new Money(cents + other.cents);
          }
        }
        """);
    write(
        root.resolve("core/src/main/java/com/acme/core/Checks.java"),
        """
        package com.acme.core;

        public final class Checks {
          private Checks() {}

          public static void require(boolean condition) {
            if (!condition) {
              throw new IllegalArgumentException();
            }
          }
        }
        """);
    write(
        root.resolve("app/src/main/java/com/acme/app/Checkout.java"),
        """
        package com.acme.app;

        import com.acme.core.Money;
        import com.google.common.base.Preconditions;

        public class Checkout {
          Money total(Money a, Money b) {
            Preconditions.checkArgument(a.cents() >= 0);
            return a.plus(b);
          }
        }
        """);
    return root;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
