package org.balint.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the store contract tests: opens a fresh, empty store before each test and closes it
 * after. A store's test class usually extends {@link StoreContractSuite}, which runs {@link
 * GroupRepositoryContract} and {@link SessionRepositoryContract} on it.
 */
public abstract class StoreContract {
  /** The store under test, fresh and empty for each test. */
  protected BalintStore store;

  /**
   * Opens a fresh store that holds nothing, isolated from every other test's store.
   *
   * @return the store
   */
  protected abstract BalintStore newStore();

  @BeforeEach
  final void openStore() {
    store = newStore();
  }

  @AfterEach
  final void closeStore() {
    store.close();
  }
}
