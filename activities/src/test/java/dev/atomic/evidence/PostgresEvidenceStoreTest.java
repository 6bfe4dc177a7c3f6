package dev.atomic.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.testing.TestDatabase;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evidence store contract on PostgreSQL, the production database. */
class PostgresEvidenceStoreTest extends EvidenceStoreContract {

  @Override
  TestDatabase database(String version) {
    return TestDatabase.postgres(version);
  }

  @Test
  void theDatabaseRefusesToTruncateTheLog() throws Exception {
    database.inTransaction(
        c ->
            new EvidenceEventRepository(EvidenceRedactor.none())
                .append(c, event("M-TRUNC1", 1, Map.of())));

    assertThatThrownBy(() -> execute("TRUNCATE evidence_events"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("evidence_events is append-only: TRUNCATE refused")
        .matches(e -> "27000".equals(((SQLException) e).getSQLState()));
    assertThat(new EvidenceStore(database, EvidenceRedactor.none()).chain("M-TRUNC1")).hasSize(1);
  }
}
