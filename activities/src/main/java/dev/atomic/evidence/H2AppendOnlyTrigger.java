package dev.atomic.evidence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * Refuses UPDATE and DELETE on {@code evidence_events} in H2, the embedded default (PostgreSQL uses
 * a PL/pgSQL trigger). Databases name this class in their trigger definitions, so it must keep its
 * name and package.
 */
public final class H2AppendOnlyTrigger implements Trigger {

  /** SQL's "triggered data change violation", the state PostgreSQL's trigger raises too. */
  public static final String SQL_STATE = "27000";

  private String table;
  private String operation;

  @Override
  public void init(
      Connection connection,
      String schemaName,
      String triggerName,
      String tableName,
      boolean before,
      int type) {
    this.table = tableName.toLowerCase(Locale.ROOT);
    this.operation = (type & Trigger.DELETE) != 0 ? "DELETE" : "UPDATE";
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(table + " is append-only: " + operation + " refused", SQL_STATE);
  }
}
