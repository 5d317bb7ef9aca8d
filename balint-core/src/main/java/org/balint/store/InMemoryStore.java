package org.balint.store;

/**
 * A store that keeps everything in memory: for tests, examples and short-lived programs.
 *
 * <p>Thread-safe: every operation holds one lock, so each write is atomic and each read sees a
 * whole state. Its writes are checked by {@link ConfidentialStore} (consent, patient identifiers,
 * retention), like those of the database stores; it behaves like them, checked by the same contract
 * tests.
 */
public final class InMemoryStore extends ForwardingBalintStore {
  private final ConfidentialStore store = ConfidentialStore.of(new InMemoryRepositories());

  /** Creates an empty store. */
  public InMemoryStore() {}

  @Override
  protected BalintStore delegate() {
    return store;
  }
}
