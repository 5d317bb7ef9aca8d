package org.balint.store;

import java.util.AbstractList;
import java.util.List;

/**
 * A list that a caller hands to a store and that fails once it has been read through once: the
 * store checks it, starts writing, and then meets a failure in the middle of the write, as it would
 * when a disk fills or a connection drops. A store that writes atomically leaves nothing of the
 * failed write behind.
 *
 * @param <T> the type of the elements
 */
final class FailingList<T> extends AbstractList<T> {
  private final List<T> elements;
  private int reads;

  FailingList(List<T> elements) {
    this.elements = elements;
  }

  @Override
  public T get(int index) {
    reads++;
    if (reads > elements.size()) {
      throw new IllegalStateException("simulated failure in the middle of a write");
    }
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
