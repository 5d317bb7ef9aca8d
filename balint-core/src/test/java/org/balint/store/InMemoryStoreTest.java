package org.balint.store;

import org.junit.jupiter.api.Nested;

/** The store contract, run against {@link InMemoryStore}. */
class InMemoryStoreTest {
  @Nested
  class Groups extends GroupRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return new InMemoryStore();
    }
  }

  @Nested
  class Sessions extends SessionRepositoryContract {
    @Override
    protected BalintStore newStore() {
      return new InMemoryStore();
    }
  }
}
