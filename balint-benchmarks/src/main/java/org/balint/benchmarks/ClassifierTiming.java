package org.balint.benchmarks;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import java.util.Locale;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;

/**
 * A whole-program timing of the classifier's throughput beside the baseline of {@link
 * ClassifierBenchmark}, robust to a machine shared with other work: each round passes over the
 * corpus a number of times with the baseline and as many with the classifier, alternating which
 * goes first, in the same process, and the ratio is taken round by round, so that a slow spell of
 * the machine slows both sides of a ratio alike. Prints the median time a text of each, and the
 * median and quartiles of the per-round throughput ratio (classifier over baseline; the
 * requirement is at least 0.5).
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl balint-benchmarks -am package
 * -DskipTests && java -cp balint-benchmarks/target/benchmarks.jar
 * org.balint.benchmarks.ClassifierTiming [rounds [passes [corpus [classifier]]]]} (defaults: 60
 * rounds of 200 passes over the development corpus, the first quarter of the rounds discarded as
 * warm-up, and the default classifier; {@code standard} times the standard lexicon).
 */
public final class ClassifierTiming {
  private static volatile long sink;

  private ClassifierTiming() {}

  /**
   * Times the classifier and the baseline and prints the result.
   *
   * @param args optionally the number of rounds, of passes a round, the corpus path, and {@code
   *     default} or {@code standard}
   * @throws Exception if the corpus cannot be read
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    ClassifierCorpus corpus =
        ClassifierCorpus.read(args.length > 2 ? args[2] : ClassifierCorpus.DEVELOPMENT);
    String name = args.length > 3 ? args[3] : "default";
    checkArgument(name.equals("default") || name.equals("standard"),
        "the classifier is 'default' or 'standard', not '%s'", name);
    ContributionClassifier classifier = name.equals("standard")
        ? ContributionClassifiers.standard()
        : ContributionClassifiers.defaultClassifier();
    long[][] nanos = AlternatingRounds.time(rounds,
        round -> timeBaseline(corpus, passes),
        round -> timeClassify(corpus, classifier, passes));
    double texts = (double) passes * corpus.texts.length;
    double[] baseline = new double[rounds];
    double[] classify = new double[rounds];
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      baseline[round] = nanos[0][round] / texts;
      classify[round] = nanos[1][round] / texts;
      ratio[round] = (double) nanos[0][round] / nanos[1][round];
    }
    double[] sortedRatio = sorted(ratio);
    System.out.printf(
        Locale.ROOT,
        "%s classifier, %d texts, %d rounds of %d passes: baseline %.0f ns a text, classify"
            + " %.0f ns a text;"
            + " throughput ratio %.3f (quartiles %.3f-%.3f)%n",
        name,
        corpus.texts.length,
        rounds,
        passes,
        median(sorted(baseline)),
        median(sorted(classify)),
        median(sortedRatio),
        sortedRatio[rounds / 4],
        sortedRatio[(3 * rounds) / 4]);
  }

  private static long timeBaseline(ClassifierCorpus corpus, int passes) {
    long start = System.nanoTime();
    long spaces = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (String text : corpus.texts) {
        spaces += ClassifierCorpus.lowerCaseScan(text);
      }
    }
    long nanos = System.nanoTime() - start;
    sink += spaces;
    return nanos;
  }

  private static long timeClassify(
      ClassifierCorpus corpus, ContributionClassifier classifier, int passes) {
    long start = System.nanoTime();
    long kinds = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < corpus.texts.length; i++) {
        kinds += corpus.classify(classifier, i).kind().ordinal();
      }
    }
    long nanos = System.nanoTime() - start;
    sink += kinds;
    return nanos;
  }

  private static double[] sorted(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }
}
