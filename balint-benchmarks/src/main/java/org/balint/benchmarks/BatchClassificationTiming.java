package org.balint.benchmarks;

/**
 * Batch classification on one thread beside every processor, timed round by round in one process,
 * alternating which goes first ({@link AlternatingRounds}), so that a slow spell of a shared
 * machine weighs on both alike: the steadier ratio beside {@link BatchClassificationBenchmark}'s.
 * Prints the median time of each and the median of the per-round speed-ups (one thread's time over
 * every processor's).
 *
 * <p>Run from the repository root, with a classifier ({@code fast}, {@code cascade} or {@code
 * neural}), the number of contributions of the unread held-out sets (at most 420) and the rounds:
 *
 * <pre>
 * java -cp balint-benchmarks/target/benchmarks.jar org.balint.benchmarks.BatchClassificationTiming cascade 420 20
 * </pre>
 */
public final class BatchClassificationTiming {
  private BatchClassificationTiming() {}

  /**
   * Runs the timing.
   *
   * @param args the classifier, optionally the number of contributions and of rounds
   * @throws Exception if the held-out sets cannot be read
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException(
          "usage: BatchClassificationTiming fast|cascade|neural [CONTRIBUTIONS [ROUNDS]]");
    }
    int contributions = args.length > 1 ? Integer.parseInt(args[1]) : 420;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    BatchClassificationBenchmark one = batch(args[0], "1", contributions);
    BatchClassificationBenchmark all = batch(args[0], "all", contributions);
    long[][] nanos =
        AlternatingRounds.time(
            rounds,
            round -> {
              long start = System.nanoTime();
              one.classifyBatch();
              return System.nanoTime() - start;
            },
            round -> {
              long start = System.nanoTime();
              all.classifyBatch();
              return System.nanoTime() - start;
            });
    double[] speedUps = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      speedUps[i] = (double) nanos[0][i] / nanos[1][i];
    }
    System.out.printf(
        "%s, %d contributions, %d rounds, %d processors: one thread %.2f ms, every processor %.2f ms"
            + " a contribution (medians); speed-up, median of rounds: %.2f%n",
        args[0],
        contributions,
        rounds,
        Runtime.getRuntime().availableProcessors(),
        DocumentReadTiming.median(nanos[0]) / 1e6 / contributions,
        DocumentReadTiming.median(nanos[1]) / 1e6 / contributions,
        DocumentReadTiming.median(speedUps));
  }

  private static BatchClassificationBenchmark batch(
      String classifier, String threads, int contributions) throws Exception {
    BatchClassificationBenchmark batch = new BatchClassificationBenchmark();
    batch.classifier = classifier;
    batch.threads = threads;
    batch.contributions = contributions;
    batch.load();
    return batch;
  }
}
