package org.balint.benchmarks;

import java.util.Arrays;

/**
 * The {@code balint/1} reader against a Jackson tree parse and walk of the same document, timed in
 * alternating rounds in one process (see {@link AlternatingRounds}), so that a busy shared machine
 * weighs on both alike: prints the median time of each and the median of the per-round ratios.
 *
 * <p>Run: {@code mvn -B -pl balint-benchmarks -am package -DskipTests && java -cp
 * balint-benchmarks/target/benchmarks.jar org.balint.benchmarks.DocumentReadTiming [CONTRIBUTIONS
 * [ROUNDS]]} (defaults 20000 and 200).
 */
public final class DocumentReadTiming {
  private DocumentReadTiming() {}

  /**
   * Runs the timing.
   *
   * @param args optionally the number of contributions and of rounds
   * @throws Exception if a read fails
   */
  public static void main(String[] args) throws Exception {
    DocumentReadBenchmark benchmark = new DocumentReadBenchmark();
    benchmark.contributions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    benchmark.generate();
    long[] sink = new long[1];
    long[][] nanos =
        AlternatingRounds.time(
            rounds,
            round -> {
              long start = System.nanoTime();
              sink[0] += benchmark.balintRead().sessions().size();
              return System.nanoTime() - start;
            },
            round -> {
              long start = System.nanoTime();
              sink[0] += benchmark.jacksonTree();
              return System.nanoTime() - start;
            });
    double[] ratios = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      ratios[i] = (double) nanos[0][i] / nanos[1][i];
    }
    System.out.printf(
        "%d contributions, %d rounds: balint/1 reader %.1f ms, Jackson tree parse and walk %.1f ms"
            + " (medians); reader / tree, median of rounds: %.2f (check %d)%n",
        benchmark.contributions,
        rounds,
        median(nanos[0]) / 1e6,
        median(nanos[1]) / 1e6,
        median(ratios),
        sink[0] % 10);
  }

  static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
