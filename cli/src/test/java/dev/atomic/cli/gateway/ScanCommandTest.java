package dev.atomic.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

  private static final String TOKEN = "ghp_" + "6MYfM8BV102tBcwBXEHu9lU8p2Eg970NZ85h";

  private static CliRun atomic(String stdin, String... args) {
    return CliRun.atomicWithInput(stdin, args);
  }

  @Test
  void aFileWithASecretExitsOneNamingRuleFileAndLineWithTheValueMasked(@TempDir Path dir)
      throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("app.env"), "HOST=db\nPORT=5432\nGITHUB_TOKEN=" + TOKEN + "\n");
    Path clean = Files.writeString(dir.resolve("README.md"), "Nothing to see.\n");

    CliRun run = atomic("", "gateway", "scan", config.toString(), clean.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains(config + ":3: github_token ghp_…(40 chars)")
        .contains("1 secret found")
        .doesNotContain(TOKEN);
    assertThat(atomic("", "gateway", "scan", clean.toString()).exitCode()).isZero();
  }

  @Test
  void aStagedDiffOnStandardInputIsReadAsOneAndOnlyAddedLinesCount() {
    String diff =
        "diff --git a/src/App.java b/src/App.java\n"
            + "--- a/src/App.java\n"
            + "+++ b/src/App.java\n"
            + "@@ -10,3 +10,4 @@ class App {\n"
            + "   void run() {\n"
            + "-    String old = \""
            + TOKEN
            + "\";\n"
            + "+    String token = \""
            + TOKEN
            + "\";\n"
            + "     start();\n";

    CliRun run = atomic(diff, "gateway", "scan");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("src/App.java:11: github_token ghp_…(40 chars)\n")
        .contains("1 secret found");
  }

  @Test
  void aGitleaksRuleSetAddsRulesAndOneWithALookAroundIsRefusedNamingTheRule(@TempDir Path dir)
      throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve(".gitleaks.toml"),
            "[[rules]]\nid = \"acme-key\"\nregex = '''acme_[a-z0-9]{20}'''\nkeywords = [\"acme_\"]\n");
    Path file = Files.writeString(dir.resolve("notes.txt"), "key acme_" + "k3j5h7g9f1d3s5a7p9o2\n");
    Path lookaround =
        Files.writeString(
            dir.resolve("bad.toml"), "[[rules]]\nid = \"peek\"\nregex = '''x(?!y)'''\n");

    CliRun found = atomic("", "gateway", "scan", "--rules", rules.toString(), file.toString());
    CliRun refused =
        atomic("", "gateway", "scan", "--rules", lookaround.toString(), file.toString());

    assertThat(found.exitCode()).isEqualTo(1);
    assertThat(found.out()).contains(file + ":1: acme-key acme…(25 chars)");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("rule 'peek': regex is not valid RE2")
        .doesNotContain("\tat ");
  }

  @Test
  void directoriesAreWalkedWithoutGitAndBinaryFilesAreSkipped(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve(".git/objects"));
    Files.writeString(dir.resolve(".git/config"), "token = " + TOKEN + "\n");
    Files.createDirectories(dir.resolve("src"));
    Files.writeString(dir.resolve("src/clean.txt"), "fine\n");
    Files.write(
        dir.resolve("src/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});

    CliRun run = atomic("", "gateway", "scan", dir.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("no secrets found (1 input)");
    assertThat(run.err()).contains("skipped " + dir.resolve("src/logo.png") + ": not UTF-8 text");
    assertThat(atomic("", "gateway", "scan", dir.resolve("nope.txt").toString()).exitCode())
        .isEqualTo(2);
  }
}
