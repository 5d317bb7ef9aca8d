package org.balint.store;

import static com.google.common.base.Preconditions.checkArgument;

import org.jspecify.annotations.Nullable;

/**
 * Which page of a query's results to read: how many to skip and how many to return.
 *
 * <p>Start with {@link #first(int)} and follow {@link Page#nextRequest()}.
 */
public final class PageRequest {
  /** The largest page a store returns. */
  public static final int MAX_SIZE = 1_000;

  private final long offset;
  private final int size;

  private PageRequest(long offset, int size) {
    this.offset = offset;
    this.size = size;
  }

  /**
   * The first page of a given size.
   *
   * @param size how many results a page holds, 1 to {@link #MAX_SIZE}
   * @return the request for the first page
   * @throws IllegalArgumentException if {@code size} is out of range
   */
  public static PageRequest first(int size) {
    return of(0, size);
  }

  /**
   * A page starting after a number of results.
   *
   * @param offset how many results to skip, not negative
   * @param size how many results a page holds, 1 to {@link #MAX_SIZE}
   * @return the request
   * @throws IllegalArgumentException if {@code offset} is negative or {@code size} out of range
   */
  public static PageRequest of(long offset, int size) {
    checkArgument(offset >= 0, "page offset must not be negative, but was %s", offset);
    checkArgument(
        size >= 1 && size <= MAX_SIZE, "page size must be 1-%s, but was %s", MAX_SIZE, size);
    return new PageRequest(offset, size);
  }

  /**
   * How many results to skip.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * How many results a page holds at most.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * The request for the page after this one.
   *
   * @return the next page's request
   */
  public PageRequest next() {
    return new PageRequest(offset + size, size);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof PageRequest
        && ((PageRequest) other).offset == offset
        && ((PageRequest) other).size == size;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(offset) * 31 + size;
  }

  @Override
  public String toString() {
    return "page of " + size + " from " + offset;
  }
}
