package org.balint.jdbc;

import org.balint.store.BalintStore;
import org.balint.store.StoreContractSuite;

/** The store contract, run against H2 in-memory databases, a fresh one per test. */
class H2StoreTest extends StoreContractSuite {
  @Override
  protected BalintStore openEmpty() {
    return ScratchDatabase.h2();
  }
}
