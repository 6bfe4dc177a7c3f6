package dev.atomic.identity;

import dev.atomic.testing.TestDatabase;

/** The API key store on PostgreSQL, the production database. */
class PostgresApiKeysTest extends ApiKeysContract {

  PostgresApiKeysTest() {
    super(TestDatabase.postgres());
  }
}
