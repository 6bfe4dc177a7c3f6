package dev.atomic.finops;

import java.sql.SQLException;

/** The database did not answer; the API says 503 with the reason, never a stack trace. */
public class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreUnavailableException(String store, SQLException cause) {
    super("the " + store + " store is not available: " + cause.getMessage(), cause);
  }

  /** Database work that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws SQLException;
  }

  /** Runs {@code call}, turning a {@link SQLException} into this exception. */
  public static <T> T call(String store, Call<T> call) {
    try {
      return call.run();
    } catch (SQLException e) {
      throw new StoreUnavailableException(store, e);
    }
  }
}
