package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.GroupRepositoryContract;
import org.balint.store.SessionRepositoryContract;
import org.junit.jupiter.api.Nested;

/** The store contract, run against an H2 in-memory database, a fresh one per test. */
class H2StoreTest {

  @Nested
  class Groups extends GroupRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return ScratchDatabase.h2();
    }
  }

  @Nested
  class Sessions extends SessionRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return ScratchDatabase.h2();
    }
  }
}
