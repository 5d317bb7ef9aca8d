package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.StoreContractSuite;

/**
 * The store contract, run against an embedded PostgreSQL that the tests start (so a build needs no
 * server), in a fresh schema per test.
 */
class EmbeddedPostgresStoreTest extends StoreContractSuite {
  @Override
  protected BalintStore openEmpty() {
    return ScratchDatabase.postgresSchema(ScratchDatabase.embeddedPostgresUrl());
  }
}
