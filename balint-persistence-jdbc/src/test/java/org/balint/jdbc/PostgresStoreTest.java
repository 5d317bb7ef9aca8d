package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.GroupRepositoryContract;
import org.balint.store.SessionRepositoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contract, run against the PostgreSQL server named by {@code BALINT_TEST_POSTGRES_URL}, a fresh schema per test (skipped, visibly, when the variable is not set). */
class PostgresStoreTest {
  private static String url;

  @BeforeAll
  static void findServer() {
    url = ScratchDatabase.requiredUrl(ScratchDatabase.POSTGRES_URL, "PostgreSQL server");
  }

  @Nested
  class Groups extends GroupRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return ScratchDatabase.postgresSchema(url);
    }
  }

  @Nested
  class Sessions extends SessionRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return ScratchDatabase.postgresSchema(url);
    }
  }
}
