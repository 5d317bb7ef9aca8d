package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.GroupRepositoryContract;
import org.balint.store.SessionRepositoryContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contract, run against an embedded PostgreSQL started by the tests, a fresh schema per test. */
class EmbeddedPostgresStoreTest {
  private static String url;

  @BeforeAll
  static void startServer() {
    url = ScratchDatabase.embeddedPostgresUrl();
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
