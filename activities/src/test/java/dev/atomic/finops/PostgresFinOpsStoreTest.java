package dev.atomic.finops;

import dev.atomic.testing.TestDatabase;

/**
 * The FinOps store contract on PostgreSQL, the production database: 64 concurrent reservations
 * included.
 */
class PostgresFinOpsStoreTest extends FinOpsStoreContract {

  PostgresFinOpsStoreTest() {
    super(TestDatabase.postgres());
  }
}
