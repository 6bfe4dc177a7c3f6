package dev.atomic.finops;

import dev.atomic.testing.TestDatabase;

/** The FinOps store contract on H2, the embedded default. */
class H2FinOpsStoreTest extends FinOpsStoreContract {

  H2FinOpsStoreTest() {
    super(TestDatabase.h2());
  }
}
