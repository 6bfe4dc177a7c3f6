package dev.atomic.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain-JDBC transactions over a {@link DataSource}. */
public final class Database {

  /** Work done with one connection inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  public Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
  }

  /** Runs read-only {@code work} on a connection of its own. */
  public <T> T read(Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    }
  }

  /** True when the exception says a unique or primary key already holds the value. */
  public static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }
}
