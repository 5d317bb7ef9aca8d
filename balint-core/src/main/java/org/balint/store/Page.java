package org.balint.store;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a query's results, with the total number of results, so that a caller can show "21–40
 * of 130" and ask for the next page.
 *
 * @param <T> the type of the results
 */
public final class Page<T> {
  private final ImmutableList<T> items;
  private final PageRequest request;
  private final long total;

  private Page(ImmutableList<T> items, PageRequest request, long total) {
    this.items = items;
    this.request = request;
    this.total = total;
  }

  /**
   * Creates a page.
   *
   * @param items the results on this page, at most {@code request.size()}
   * @param request the request that produced it
   * @param total how many results the whole query has
   * @param <T> the type of the results
   * @return the page
   * @throws IllegalArgumentException if there are more items than the request's size, or the total
   *     is smaller than the results up to this page
   */
  public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
    checkNotNull(request, "request must not be null");
    checkArgument(
        items.size() <= request.size(),
        "a page must hold at most %s items, but has %s",
        request.size(),
        items.size());
    checkArgument(
        items.isEmpty() || total >= request.offset() + items.size(),
        "page total must cover the items up to this page (%s), but was %s",
        request.offset() + items.size(),
        total);
    return new Page<>(ImmutableList.copyOf(items), request, total);
  }

  /**
   * Cuts one page out of a full list of results.
   *
   * @param all every result of the query, in order
   * @param request which page to take
   * @param <T> the type of the results
   * @return the page
   */
  public static <T> Page<T> slice(List<T> all, PageRequest request) {
    int from = (int) Math.min(all.size(), request.offset());
    int to = (int) Math.min(all.size(), request.offset() + request.size());
    return of(all.subList(from, to), request, all.size());
  }

  /**
   * The results on this page, in order.
   *
   * @return the items
   */
  public ImmutableList<T> items() {
    return items;
  }

  /**
   * The request that produced this page.
   *
   * @return the request
   */
  public PageRequest request() {
    return request;
  }

  /**
   * How many results the whole query has, on every page.
   *
   * @return the total
   */
  public long total() {
    return total;
  }

  /**
   * Tells whether a page follows this one.
   *
   * @return true when results remain after this page
   */
  public boolean hasNext() {
    return request.offset() + request.size() < total;
  }

  /**
   * The request for the page after this one.
   *
   * @return the next request, or empty on the last page
   */
  public Optional<PageRequest> nextRequest() {
    return hasNext() ? Optional.of(request.next()) : Optional.empty();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    if (!(other instanceof Page)) {
      return false;
    }
    Page<?> that = (Page<?>) other;
    return total == that.total && items.equals(that.items) && request.equals(that.request);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, request, total);
  }

  @Override
  public String toString() {
    return items.size() + " of " + total + " (" + request + ")";
  }
}
