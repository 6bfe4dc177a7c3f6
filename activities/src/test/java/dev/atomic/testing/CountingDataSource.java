package dev.atomic.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts, for the prepared statements whose SQL contains a given text, how many
 * single executions ({@code executeUpdate}, {@code execute}) and how many JDBC batches ({@code
 * executeBatch}) reach the database, and how many rows those batches carried.
 */
public final class CountingDataSource {

  private final DataSource target;
  private final String sqlPart;
  private final AtomicInteger singles = new AtomicInteger();
  private final AtomicInteger batches = new AtomicInteger();
  private final AtomicInteger batchedRows = new AtomicInteger();

  /**
   * @param sqlPart counts statements whose SQL contains this text, case-insensitively
   */
  public CountingDataSource(DataSource target, String sqlPart) {
    this.target = target;
    this.sqlPart = sqlPart.toLowerCase(Locale.ROOT);
  }

  public DataSource dataSource() {
    return (DataSource)
        proxy(
            DataSource.class,
            target,
            (method, args, result) ->
                result instanceof Connection connection ? connection(connection) : result);
  }

  public int singles() {
    return singles.get();
  }

  public int batches() {
    return batches.get();
  }

  public int batchedRows() {
    return batchedRows.get();
  }

  public void reset() {
    singles.set(0);
    batches.set(0);
    batchedRows.set(0);
  }

  private Connection connection(Connection real) {
    return (Connection)
        proxy(
            Connection.class,
            real,
            (method, args, result) ->
                method.getName().equals("prepareStatement")
                        && args[0] instanceof String sql
                        && sql.toLowerCase(Locale.ROOT).contains(sqlPart)
                    ? counted((PreparedStatement) result)
                    : result);
  }

  /** What a proxy answers, given what the real object answered. */
  private interface Wrap {
    Object apply(java.lang.reflect.Method method, Object[] args, Object result);
  }

  private Object proxy(Class<?> type, Object real, Wrap wrap) {
    InvocationHandler handler =
        (self, method, args) -> wrap.apply(method, args, invoke(real, method, args));
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private PreparedStatement counted(PreparedStatement real) {
    AtomicInteger pending = new AtomicInteger();
    InvocationHandler handler =
        (self, method, args) -> {
          switch (method.getName()) {
            case "addBatch" -> pending.incrementAndGet();
            case "executeBatch" -> {
              batches.incrementAndGet();
              batchedRows.addAndGet(pending.getAndSet(0));
            }
            case "executeUpdate", "execute", "executeLargeUpdate" -> singles.incrementAndGet();
            default -> {}
          }
          return invoke(real, method, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
