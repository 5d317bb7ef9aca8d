package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.GroupRepositoryContract;
import org.balint.store.SessionRepositoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contract, run against the MariaDB server named by {@code BALINT_TEST_MARIADB_URL}, a fresh database per test (skipped, visibly, when the variable is not set). */
class MariaDbStoreTest {
  private static String url;

  @BeforeAll
  static void findServer() {
    url = ScratchDatabase.requiredUrl(ScratchDatabase.MARIADB_URL, "MariaDB server");
  }

  @Nested
  class Groups extends GroupRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return ScratchDatabase.mariadbDatabase(url);
    }
  }

  @Nested
  class Sessions extends SessionRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return ScratchDatabase.mariadbDatabase(url);
    }
  }
}
