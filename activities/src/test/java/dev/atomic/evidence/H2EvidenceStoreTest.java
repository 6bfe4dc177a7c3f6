package dev.atomic.evidence;

import dev.atomic.testing.TestDatabase;

/** The evidence store contract on H2, the embedded default. */
class H2EvidenceStoreTest extends EvidenceStoreContract {

  @Override
  TestDatabase database(String version) {
    return TestDatabase.h2(version);
  }
}
