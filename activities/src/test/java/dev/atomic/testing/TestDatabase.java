package dev.atomic.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrated, empty database for one test class: H2 in memory, or a fresh schema in the PostgreSQL
 * at {@code ATOMIC_TEST_POSTGRES_URL} (default 127.0.0.1:5432/test, user postgres). Where
 * PostgreSQL is missing the tests are skipped, except in CI ({@code CI=true}), where they fail: CI
 * must prove the PostgreSQL path.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String POSTGRES_URL =
      System.getenv()
          .getOrDefault("ATOMIC_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String POSTGRES_USER =
      System.getenv().getOrDefault("ATOMIC_TEST_POSTGRES_USER", "postgres");

  private final DataSource dataSource;
  private final String schema;

  private TestDatabase(DataSource dataSource, String schema) {
    this.dataSource = dataSource;
    this.schema = schema;
  }

  public static TestDatabase h2() {
    return h2(null);
  }

  /** An H2 database migrated up to {@code version} only ({@code null}: the latest). */
  public static TestDatabase h2(String version) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    migrate(h2, null, version);
    return new TestDatabase(h2, null);
  }

  public static TestDatabase postgres() {
    return postgres(null);
  }

  /** A PostgreSQL schema migrated up to {@code version} only ({@code null}: the latest). */
  public static TestDatabase postgres(String version) {
    String schema = "atomic_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema.toLowerCase(Locale.ROOT));
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "PostgreSQL is required in CI but not reachable at " + POSTGRES_URL, e);
      }
      Assumptions.abort("PostgreSQL not reachable at " + POSTGRES_URL + ": " + e.getMessage());
    }
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(POSTGRES_URL);
    postgres.setUser(POSTGRES_USER);
    postgres.setCurrentSchema(schema);
    migrate(postgres, schema, version);
    return new TestDatabase(postgres, schema);
  }

  /** Applies the migrations not yet applied, up to the latest. */
  public void migrate() {
    migrate(dataSource, schema, null);
  }

  private static void migrate(DataSource dataSource, String schema, String version) {
    var configuration =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    if (schema != null) {
      configuration.schemas(schema).defaultSchema(schema);
    }
    if (version != null) {
      configuration.target(version);
    }
    configuration.load().migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The PostgreSQL schema, or null for H2. */
  public String schema() {
    return schema;
  }

  @Override
  public void close() throws SQLException {
    if (schema != null) {
      try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    } else {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    }
  }
}
