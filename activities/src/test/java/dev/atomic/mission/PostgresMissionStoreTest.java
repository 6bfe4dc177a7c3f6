package dev.atomic.mission;

import dev.atomic.testing.TestDatabase;

/** The store contract on PostgreSQL, the production database. */
class PostgresMissionStoreTest extends MissionStoreContract {

  PostgresMissionStoreTest() {
    super(TestDatabase.postgres());
  }
}
