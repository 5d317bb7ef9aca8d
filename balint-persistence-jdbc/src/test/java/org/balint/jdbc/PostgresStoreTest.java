package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.StoreContractSuite;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract, run against the PostgreSQL server named by {@code BALINT_TEST_POSTGRES_URL}
 * in a fresh schema per test; skipped, visibly, when the variable is not set, and failing when it
 * is set and the server cannot be reached.
 */
class PostgresStoreTest extends StoreContractSuite {
  private static String url;

  @BeforeAll
  static void findServer() {
    url = ScratchDatabase.requiredUrl(ScratchDatabase.POSTGRES_URL, "PostgreSQL server");
  }

  @Override
  protected BalintStore openEmpty() {
    return ScratchDatabase.postgresSchema(url);
  }
}
