package dev.atomic.cli.db;

import dev.atomic.cli.CliException;
import dev.atomic.cli.ExitCodes;
import dev.atomic.config.AtomicEnvironment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Apply the schema migrations (Flyway, db/migration) the platform needs, as the runbook's"
          + " `npm run migrate`. Each process also applies them when it starts; this runs them"
          + " ahead of a rollout.",
      "Exit 0 when the schema is current, 1 when a migration fails (nothing of it is kept).",
    })
class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--url",
      defaultValue = "${env:DATABASE_URL}",
      description =
          "JDBC URL or postgres://user:password@host:port/database (default: $DATABASE_URL, else"
              + " the embedded database under --home).")
  String url;

  @Option(
      names = "--home",
      defaultValue = "${env:ATOMIC_HOME:-.atomic}",
      description = "Atomic home holding the embedded database (default ${DEFAULT-VALUE}).")
  Path home;

  @Override
  public Integer call() {
    String jdbc;
    String user;
    String password;
    if (url == null || url.isBlank()) {
      jdbc =
          "jdbc:h2:file:"
              + home.toAbsolutePath().resolve("db").resolve("atomic")
              + ";AUTO_SERVER=TRUE";
      user = "sa";
      password = "";
    } else {
      Map<String, Object> datasource;
      try {
        datasource = AtomicEnvironment.datasource(url.strip());
      } catch (IllegalArgumentException e) {
        throw new CliException(ExitCodes.USAGE, e.getMessage());
      }
      jdbc = (String) datasource.get("spring.datasource.url");
      user = (String) datasource.getOrDefault("spring.datasource.username", null);
      password = (String) datasource.getOrDefault("spring.datasource.password", null);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("Migrating " + jdbc.replaceAll("//[^/@]*@", "//***@") + " …");
    out.flush();
    MigrateResult result;
    try {
      result =
          Flyway.configure()
              .dataSource(jdbc, user, password)
              .locations("classpath:db/migration")
              .load()
              .migrate();
    } catch (FlywayException e) {
      throw new CliException(ExitCodes.FAILED, "migration failed: " + e.getMessage());
    }
    result.migrations.forEach(
        m -> out.printf("  applied V%s %s (%d ms)%n", m.version, m.description, m.executionTime));
    out.println(
        result.migrationsExecuted == 0
            ? "the schema is current (version " + result.initialSchemaVersion + ")"
            : result.migrationsExecuted
                + " migration(s) applied; schema version "
                + result.targetSchemaVersion);
    out.flush();
    return ExitCodes.OK;
  }
}
