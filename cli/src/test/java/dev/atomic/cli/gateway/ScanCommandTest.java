package dev.atomic.cli.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScanCommandTest {

  private static final String TOKEN = "ghp_" + "6MYfM8BV102tBcwBXEHu9lU8p2Eg970NZ85h";

  private record Run(int exit, String out, String err) {}

  private static Run atomic(String stdin, String... args) {
    CommandLine command = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    InputStream before = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      return new Run(command.execute(args), out.toString(), err.toString());
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void aFileWithASecretExitsOneNamingRuleFileAndLineWithTheValueMasked(@TempDir Path dir)
      throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("app.env"), "HOST=db\nPORT=5432\nGITHUB_TOKEN=" + TOKEN + "\n");
    Path clean = Files.writeString(dir.resolve("README.md"), "Nothing to see.\n");

    Run run = atomic("", "gateway", "scan", config.toString(), clean.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains(config + ":3: github_token ghp_…(40 chars)")
        .contains("1 secret found")
        .doesNotContain(TOKEN);
    assertThat(atomic("", "gateway", "scan", clean.toString()).exit()).isZero();
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

    Run run = atomic(diff, "gateway", "scan");

    assertThat(run.exit()).isEqualTo(1);
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

    Run found = atomic("", "gateway", "scan", "--rules", rules.toString(), file.toString());
    Run refused = atomic("", "gateway", "scan", "--rules", lookaround.toString(), file.toString());

    assertThat(found.exit()).isEqualTo(1);
    assertThat(found.out()).contains(file + ":1: acme-key acme…(25 chars)");
    assertThat(refused.exit()).isEqualTo(2);
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

    Run run = atomic("", "gateway", "scan", dir.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("no secrets found (1 input)");
    assertThat(run.err()).contains("skipped " + dir.resolve("src/logo.png") + ": not UTF-8 text");
    assertThat(atomic("", "gateway", "scan", dir.resolve("nope.txt").toString()).exit())
        .isEqualTo(2);
  }
}
