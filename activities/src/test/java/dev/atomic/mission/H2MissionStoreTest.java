package dev.atomic.mission;

import dev.atomic.testing.TestDatabase;

/** The store contract on H2, the embedded default. */
class H2MissionStoreTest extends MissionStoreContract {

  H2MissionStoreTest() {
    super(TestDatabase.h2());
  }
}
