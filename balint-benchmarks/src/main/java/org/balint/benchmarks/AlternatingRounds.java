package org.balint.benchmarks;

/**
 * Times two operations round by round in the same process, alternating which goes first and
 * discarding a warm-up, so that a slow spell of a shared machine weighs on both alike: the
 * whole-program timings' common loop.
 */
final class AlternatingRounds {
  /** One timed run of an operation. */
  @FunctionalInterface
  interface Timed {
    /**
     * Runs the operation once for the given round.
     *
     * @param round the round, negative during the warm-up
     * @return how long it took, in nanoseconds
     * @throws Exception if the operation fails
     */
    long nanos(int round) throws Exception;
  }

  private AlternatingRounds() {}

  /**
   * Runs both operations in each of {@code rounds} rounds, after a warm-up of a quarter as many (at
   * least 5).
   *
   * @param rounds the measured rounds
   * @param first one operation
   * @param second the other
   * @return by operation (0 for {@code first}), by round, the nanoseconds
   * @throws Exception if an operation fails
   */
  static long[][] time(int rounds, Timed first, Timed second) throws Exception {
    int warmup = Math.max(5, rounds / 4);
    long[][] nanos = new long[2][rounds];
    for (int round = -warmup; round < rounds; round++) {
      long firstNanos;
      long secondNanos;
      if (Math.floorMod(round, 2) == 0) {
        firstNanos = first.nanos(round);
        secondNanos = second.nanos(round);
      } else {
        secondNanos = second.nanos(round);
        firstNanos = first.nanos(round);
      }
      if (round >= 0) {
        nanos[0][round] = firstNanos;
        nanos[1][round] = secondNanos;
      }
    }
    return nanos;
  }
}
