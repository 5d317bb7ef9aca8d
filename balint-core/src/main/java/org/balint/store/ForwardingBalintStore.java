package org.balint.store;

/**
 * A store that forwards every call to another one, in the manner of Guava's {@code Forwarding*}
 * classes: a decorator overrides the methods it changes. {@link #readAs} is not forwarded, so that
 * the reads go through this store's repositories.
 */
public abstract class ForwardingBalintStore implements BalintStore {
  /** Constructor for use by subclasses. */
  protected ForwardingBalintStore() {}

  /**
   * The store calls are forwarded to.
   *
   * @return the delegate
   */
  protected abstract BalintStore delegate();

  @Override
  public GroupRepository groups() {
    return delegate().groups();
  }

  @Override
  public SessionRepository sessions() {
    return delegate().sessions();
  }

  @Override
  public void close() {
    delegate().close();
  }
}
