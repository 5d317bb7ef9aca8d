package org.balint.store;

/** The store contract, run against {@link InMemoryStore}. */
class InMemoryStoreTest extends StoreContractSuite {
  @Override
  protected BalintStore openEmpty() {
    return new InMemoryStore();
  }
}
