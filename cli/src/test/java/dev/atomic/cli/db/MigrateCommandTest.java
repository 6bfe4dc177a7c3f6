package dev.atomic.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

  @Test
  void migratesAnEmptyDatabaseOnceAndThenSaysItIsCurrent(@TempDir Path home) {
    CliRun first = CliRun.atomic("db", "migrate", "--url", "", "--home", home.toString());
    CliRun again = CliRun.atomic("db", "migrate", "--url", "", "--home", home.toString());

    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .contains("applied V1 missions and evidence")
        .containsPattern("\\d+ migration\\(s\\) applied; schema version \\d+");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("the schema is current (version");
  }

  @Test
  void aUrlThatIsNeitherJdbcNorPostgresIsAUsageError() {
    CliRun run = CliRun.atomic("db", "migrate", "--url", "mysql://db/atomic");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("must be a jdbc: URL or postgres://").doesNotContain("\tat ");
  }
}
