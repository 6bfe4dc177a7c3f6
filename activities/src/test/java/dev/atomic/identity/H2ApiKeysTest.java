package dev.atomic.identity;

import dev.atomic.testing.TestDatabase;

/** The API key store on H2, the embedded default. */
class H2ApiKeysTest extends ApiKeysContract {

  H2ApiKeysTest() {
    super(TestDatabase.h2());
  }
}
