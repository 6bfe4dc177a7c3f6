package dev.atomic.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MigrateCommandTest {

  private static String[] run(String... args) {
    CommandLine command = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int exit = command.execute(args);
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  @Test
  void migratesAnEmptyDatabaseOnceAndThenSaysItIsCurrent(@TempDir Path home) {
    String[] first = run("db", "migrate", "--url", "", "--home", home.toString());
    String[] again = run("db", "migrate", "--url", "", "--home", home.toString());

    assertThat(first[0]).isEqualTo("0");
    assertThat(first[1])
        .contains("applied V1 missions and evidence")
        .containsPattern("\\d+ migration\\(s\\) applied; schema version \\d+");
    assertThat(again[0]).isEqualTo("0");
    assertThat(again[1]).contains("the schema is current (version");
  }

  @Test
  void aUrlThatIsNeitherJdbcNorPostgresIsAUsageError() {
    String[] run = run("db", "migrate", "--url", "mysql://db/atomic");

    assertThat(run[0]).isEqualTo("2");
    assertThat(run[2]).contains("must be a jdbc: URL or postgres://").doesNotContain("\tat ");
  }
}
