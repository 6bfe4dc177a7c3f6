package dev.atomic.dte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopeTest {

  @Test
  void resolvesGlobsDirectoriesAndFilesSortedAndOnce(@TempDir Path dir) {
    Path repo = DemoRepo.copyTo(dir);

    List<String> files =
        Scope.resolve(repo, List.of("src/main/java/com/acme/model", "src/**/*.java", "README.md"));

    assertThat(files).isSorted().doesNotHaveDuplicates();
    assertThat(files)
        .contains(
            "README.md",
            "src/main/java/com/acme/model/User.java",
            "src/test/java/com/acme/auth/AuthTest.java");
    assertThat(files).hasSize(9);
  }

  @Test
  void refusesPathsThatLeaveTheWorkingDirectory(@TempDir Path dir) throws IOException {
    Path repo = DemoRepo.copyTo(dir.resolve("repo"));
    Files.writeString(dir.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(repo.resolve("escape.txt"), dir.resolve("secret.txt"));
    Files.createSymbolicLink(repo.resolve("escape-dir"), dir);

    assertThatThrownBy(
            () ->
                Scope.resolve(
                    repo,
                    List.of(
                        "../secret.txt",
                        "/etc/passwd",
                        "src/../../x",
                        "escape.txt",
                        "nothing/here")))
        .isInstanceOfSatisfying(
            DteException.class,
            e ->
                assertThat(e.reasons())
                    .containsExactly(
                        "/scope/0: '..' is not allowed: '../secret.txt'",
                        "/scope/1: absolute paths are not allowed: '/etc/passwd'",
                        "/scope/2: '..' is not allowed: 'src/../../x'",
                        "/scope/3: leads outside the working directory: 'escape.txt'",
                        "/scope/4: no such file or directory: 'nothing/here'"));
    // Globs never follow links out of the tree: here they find nothing, and say so.
    assertThatThrownBy(() -> Scope.resolve(repo, List.of("**/*.txt")))
        .hasMessageStartingWith("/scope: matches no files in ");
  }
}
