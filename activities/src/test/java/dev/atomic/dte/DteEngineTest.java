package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DteEngineTest {

  private static final DteEngine ENGINE = DteEngine.fromEnvironment();

  @Test
  void cs001RenamesTheTypeItsFileTheMethodAndItsParameter(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copyTo(dir);
    String authBefore = DemoRepo.read(repo, "src/main/java/com/acme/auth/Auth.java");

    DtePreview preview = ENGINE.preview(DemoRepo.cs001(), repo);

    assertThat(preview.success()).isTrue();
    assertThat(preview.dryRun()).isTrue();
    assertThat(preview.patches())
        .contains(
            "src/main/java/com/acme/model/AccountId.java",
            "src/main/java/com/acme/auth/Auth.java",
            "src/main/java/com/acme/app/LoginController.java",
            "src/test/java/com/acme/auth/AuthTest.java")
        .doesNotContain("src/main/java/com/acme/model/UserId.java");
    FileDiff moved = diffOf(preview, "src/main/java/com/acme/model/UserId.java");
    assertThat(moved.newPath()).isEqualTo("src/main/java/com/acme/model/AccountId.java");
    assertThat(moved.diff())
        .contains(
            "+++ b/src/main/java/com/acme/model/AccountId.java", "+public final class AccountId {");
    assertThat(diffOf(preview, "src/main/java/com/acme/auth/Auth.java").diff())
        .contains(
            "+  public Optional<Session> signIn(String email, String password) {",
            "+    String expected = passwords.get(email);");
    assertThat(diffOf(preview, "src/main/java/com/acme/app/LoginController.java").diff())
        .contains("+    Optional<Session> session = auth.signIn(username, password);");
    assertThat(preview.summary().files()).isEqualTo(preview.diffs().size());
    assertThat(preview.summary().insertions()).isPositive();
    // A preview changes nothing.
    assertThat(DemoRepo.read(repo, "src/main/java/com/acme/auth/Auth.java")).isEqualTo(authBefore);
    assertThat(repo.resolve("src/main/java/com/acme/model/AccountId.java")).doesNotExist();
  }

  @Test
  void applyWritesThePreviewAndTheTreeStillCompiles(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copyTo(dir);
    DtePreview preview = ENGINE.preview(DemoRepo.cs001(), repo);

    DtePreview applied = ENGINE.apply(DemoRepo.cs001(), repo);

    assertThat(applied.dryRun()).isFalse();
    assertThat(applied.diffs()).isEqualTo(preview.diffs());
    assertThat(repo.resolve("src/main/java/com/acme/model/UserId.java")).doesNotExist();
    assertThat(DemoRepo.read(repo, "src/main/java/com/acme/model/AccountId.java"))
        .contains("public final class AccountId");
    assertThat(DemoRepo.compile(repo.resolve("src/main/java"))).isEmpty();
    // Applied once; a second time there is no UserId left to rename, and it says so.
    assertThatThrownBy(() -> ENGINE.preview(DemoRepo.cs001(), repo))
        .hasMessageContaining("no declaration matches Identifier{name=UserId}");
  }

  @Test
  void theSameSpecOnTheSameTreeGivesTheSameEdits(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    assertThat(ENGINE.preview(DemoRepo.cs001(), repo))
        .isEqualTo(ENGINE.preview(DemoRepo.cs001(), repo));
  }

  @Test
  void refusesTheWholeChangeWhenAFileItNeedsCannotBeParsed(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copyTo(dir);
    Path broken = repo.resolve("src/main/java/com/acme/app/Broken.java");
    Files.writeString(
        broken, "package com.acme.app;\nclass Broken { com.acme.model.UserId id = ; }\n");

    assertThatThrownBy(() -> ENGINE.apply(DemoRepo.cs001(), repo))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.REFUSED);
              assertThat(e.reasons())
                  .anyMatch(r -> r.startsWith("src/main/java/com/acme/app/Broken.java:"));
              assertThat(e.getMessage()).contains("nothing was changed");
            });
    assertThat(repo.resolve("src/main/java/com/acme/model/UserId.java")).exists();
    assertThat(DemoRepo.read(repo, "src/main/java/com/acme/auth/Auth.java"))
        .contains("login(String username");
  }

  @Test
  void aBrokenFileThatTheChangeDoesNotTouchIsReportedAndLeftAlone(@TempDir Path dir)
      throws IOException {
    Path repo = DemoRepo.copyTo(dir);
    Files.writeString(
        repo.resolve("src/main/java/com/acme/app/Other.java"),
        "package com.acme.app;\nclass Other { int x = ; }\n");

    DtePreview preview = ENGINE.preview(DemoRepo.cs001(), repo);

    assertThat(preview.patches()).contains("src/main/java/com/acme/auth/Auth.java");
    assertThat(preview.warnings())
        .anyMatch(
            w ->
                w.startsWith("src/main/java/com/acme/app/Other.java:")
                    && w.contains("left unchanged"));
  }

  @Test
  void anAmbiguousIdentifierListsItsCandidates(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    spec("renameSymbol", "Identifier[name='value']", Map.of("newName", "raw")),
                    repo))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.INVALID);
              assertThat(e.getMessage())
                  .contains(
                      "/patches/0/selector: ambiguous",
                      "field com.acme.model.UserId#value",
                      "method com.acme.model.UserId#value");
            });
  }

  @Test
  void anExplicitSelectorResolvesWhatAnIdentifierCannot(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    DtePreview preview =
        ENGINE.preview(
            spec(
                "renameSymbol",
                "Method[type='com.acme.model.UserId'][name='value']",
                Map.of("newName", "raw")),
            repo);

    assertThat(diffOf(preview, "src/main/java/com/acme/app/LoginController.java").diff())
        .contains("+    return id.raw();");
    assertThat(diffOf(preview, "src/main/java/com/acme/model/UserId.java").diff())
        .contains("+  public String raw() {")
        .doesNotContain("+  private final String raw;");
  }

  @Test
  void aSelectorMatchingNothingIsAnErrorNotASilentNoOp(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    spec("renameSymbol", "Identifier[name='CustomerId']", Map.of("newName", "X")),
                    repo))
        .hasMessageContaining(
            "/patches/0/selector: no declaration matches Identifier{name=CustomerId} in scope");
  }

  @Test
  void movesAPackageWithItsFilesAndReferences(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    DtePreview preview =
        ENGINE.apply(
            spec("moveModule", null, Map.of("from", "com.acme.auth", "to", "com.acme.identity")),
            repo);

    assertThat(preview.patches())
        .contains(
            "src/main/java/com/acme/identity/Auth.java",
            "src/main/java/com/acme/identity/Session.java");
    assertThat(repo.resolve("src/main/java/com/acme/auth/Auth.java")).doesNotExist();
    assertThat(DemoRepo.read(repo, "src/main/java/com/acme/app/LoginController.java"))
        .contains("import com.acme.identity.Auth;");
  }

  @Test
  void editsStringLiteralsButNotComments(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    DtePreview preview =
        ENGINE.preview(
            spec(
                "editString",
                null,
                Map.of("from", "invalid credentials", "to", "wrong \"password\"")),
            repo);

    assertThat(preview.diffs()).hasSize(2);
    assertThat(diffOf(preview, "src/main/java/com/acme/app/LoginController.java").diff())
        .contains(
            "+    return session.map(s -> \"welcome \" + describe(s.userId())).orElse(\"wrong \\\"password\\\"\");");
  }

  @Test
  void editRegexUsesRe2OnAnyFileAndUnchangedFilesStayOutOfTheDiff(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    ChangeSpec spec =
        new ChangeSpec(
            "CS-9",
            "Rename the demo",
            List.of("README.md", "src/**/*.java"),
            "typescript",
            null,
            List.of(
                new ChangeSpec.Patch(
                    "*.md",
                    "editRegex",
                    null,
                    Map.of("pattern", "(?i)demo (repository)", "replacement", "Example $1"))),
            null,
            null,
            null,
            null);

    DtePreview preview = ENGINE.preview(spec, repo);

    assertThat(preview.patches()).containsExactly("README.md");
    assertThat(preview.diffs().get(0).diff()).contains("+# Example repository");
  }

  @Test
  void astOperationsOnAnotherLanguageSayWhichPackIsAvailable(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);
    ChangeSpec spec =
        new ChangeSpec(
            "CS-2",
            "Migrate auth API",
            List.of("src/**/*.java"),
            "typescript",
            null,
            List.of(
                new ChangeSpec.Patch(
                    null, "renameSymbol", "Identifier[name='UserId']", Map.of("newName", "A"))),
            null,
            null,
            null,
            null);

    assertThatThrownBy(() -> ENGINE.preview(spec, repo))
        .isInstanceOfSatisfying(
            DteException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DteException.Kind.UNSUPPORTED);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "/patches/0/astOp: language pack not available: typescript (available: java; editRegex and editString work on any file)");
            });
  }

  @Test
  void badPatchDetailsNameThePatchAndOption(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    assertThatThrownBy(
            () -> ENGINE.preview(spec("renameSymbol", "Identifier[name='UserId']", Map.of()), repo))
        .hasMessage("/patches/0/details/newName: required for renameSymbol");
    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    spec("renameSymbol", "Identifier[name='UserId']", Map.of("newName", "9lives")),
                    repo))
        .hasMessage("/patches/0/details/newName: not a Java identifier: '9lives'");
    assertThatThrownBy(
            () ->
                ENGINE.preview(
                    spec("editRegex", null, Map.of("pattern", "(unclosed", "replacement", "x")),
                    repo))
        .hasMessageStartingWith("/patches/0/details/pattern: not a valid RE2 pattern");
    assertThatThrownBy(
            () -> ENGINE.preview(spec("renameSymbol", "UserId", Map.of("newName", "X")), repo))
        .hasMessageContaining("/patches/0/selector: not a selector: 'UserId'");
  }

  static ChangeSpec spec(String op, String selector, Map<String, Object> details) {
    return new ChangeSpec(
        "CS-7",
        "test",
        List.of("src/**/*.java"),
        "java",
        null,
        List.of(new ChangeSpec.Patch(null, op, selector, details)),
        null,
        null,
        null,
        null);
  }

  private static FileDiff diffOf(DtePreview preview, String path) {
    return preview.diffs().stream()
        .filter(d -> d.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no diff for " + path + " in " + preview.patches()));
  }

  /** Compile errors of a source tree, from the JDK's own compiler. */
}
