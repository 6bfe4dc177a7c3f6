package db.migration;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.atomic.evidence.ChainedEvent;
import dev.atomic.evidence.EvidenceEvent;
import dev.atomic.evidence.H2AppendOnlyTrigger;
import dev.atomic.platform.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes {@code evidence_events} append-only and hash-chained: chains the events written before this
 * version, requires {@code prev_hash} and {@code hash} from now on, and installs triggers that
 * refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE).
 *
 * <p>A Java migration because the trigger differs per database (H2 calls a Java class, PostgreSQL a
 * PL/pgSQL function) and the backfill computes hashes; it stays in the one {@code db/migration}
 * location every Flyway configuration of the project already scans.
 */
public class V2__evidence_append_only extends BaseJavaMigration {

  private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {};

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    chainExistingEvents(connection);
    String product = connection.getMetaData().getDatabaseProductName();
    try (Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE evidence_events ALTER COLUMN prev_hash SET NOT NULL");
      statement.execute("ALTER TABLE evidence_events ALTER COLUMN hash SET NOT NULL");
      switch (product) {
        case "H2" -> {
          String call =
              " ON evidence_events FOR EACH ROW CALL '" + H2AppendOnlyTrigger.class.getName() + "'";
          statement.execute("CREATE TRIGGER evidence_events_no_update BEFORE UPDATE" + call);
          statement.execute("CREATE TRIGGER evidence_events_no_delete BEFORE DELETE" + call);
        }
        case "PostgreSQL" -> {
          statement.execute(
              "CREATE FUNCTION evidence_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS"
                  + " $$ BEGIN RAISE EXCEPTION 'evidence_events is append-only: % refused', TG_OP"
                  + " USING ERRCODE = '27000'; END $$");
          statement.execute(
              "CREATE TRIGGER evidence_events_no_change BEFORE UPDATE OR DELETE ON evidence_events"
                  + " FOR EACH ROW EXECUTE FUNCTION evidence_events_refuse_change()");
          statement.execute(
              "CREATE TRIGGER evidence_events_no_truncate BEFORE TRUNCATE ON evidence_events"
                  + " FOR EACH STATEMENT EXECUTE FUNCTION evidence_events_refuse_change()");
        }
        default ->
            throw new IllegalStateException(
                "no append-only trigger for " + product + "; Atomic supports H2 and PostgreSQL");
      }
    }
  }

  /** Links every event stored before the chain existed, stream by stream in seq order. */
  private static void chainExistingEvents(Connection connection) throws SQLException {
    String select =
        "SELECT id, stream, seq, mission_id, type, actor, occurred_at, data FROM evidence_events"
            + " WHERE hash IS NULL ORDER BY stream, seq";
    try (Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery(select);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE evidence_events SET prev_hash = ?, hash = ? WHERE id = ?")) {
      String stream = null;
      String prevHash = null;
      while (rows.next()) {
        if (!rows.getString("stream").equals(stream)) {
          stream = rows.getString("stream");
          prevHash = ChainedEvent.GENESIS;
        }
        EvidenceEvent event =
            new EvidenceEvent(
                rows.getString("id"),
                stream,
                rows.getLong("seq"),
                rows.getString("mission_id"),
                rows.getString("type"),
                rows.getString("actor"),
                rows.getObject("occurred_at", OffsetDateTime.class).toInstant().toString(),
                Json.read(rows.getString("data"), DATA));
        ChainedEvent linked = ChainedEvent.link(event, prevHash);
        update.setString(1, linked.prevHash());
        update.setString(2, linked.hash());
        update.setString(3, linked.id());
        update.executeUpdate();
        prevHash = linked.hash();
      }
    }
  }
}
