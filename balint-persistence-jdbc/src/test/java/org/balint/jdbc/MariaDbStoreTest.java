package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.StoreContractSuite;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract, run against the MariaDB server named by {@code BALINT_TEST_MARIADB_URL} in a
 * fresh database per test; skipped, visibly, when the variable is not set, and failing when it is
 * set and the server cannot be reached.
 */
class MariaDbStoreTest extends StoreContractSuite {
  private static String url;

  @BeforeAll
  static void findServer() {
    url = ScratchDatabase.requiredUrl(ScratchDatabase.MARIADB_URL, "MariaDB server");
  }

  @Override
  protected BalintStore openEmpty() {
    return ScratchDatabase.mariadbDatabase(url);
  }
}
