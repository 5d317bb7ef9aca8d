package org.balint.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;

/**
 * A whole-program timing of the time a text of the fitted model (the default classifier without the
 * neural module) and of the standard lexicon, robust to a machine shared with other work: each
 * round passes over the corpus a number of times with one and as many with the other, alternating
 * which goes first, in the same process, and the ratio is taken round by round, so that a slow
 * spell of the machine slows both sides of a ratio alike. Prints the median time a text of each,
 * with its cues, and the median and quartiles of the per-round ratio (fitted over standard).
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl balint-benchmarks -am package -DskipTests
 * && java -cp balint-benchmarks/target/benchmarks.jar org.balint.benchmarks.ClassifierTiming
 * [rounds [passes [corpus]]]} (defaults: 60 rounds of 200 passes over the development corpus, and a
 * warm-up of a quarter as many rounds).
 */
public final class ClassifierTiming {
  private static volatile long sink;

  private ClassifierTiming() {}

  /**
   * Times the two classifiers and prints the result.
   *
   * @param args optionally the number of rounds, of passes a round, and the corpus path
   * @throws Exception if the corpus cannot be read
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    int passes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    ClassifierCorpus corpus =
        ClassifierCorpus.read(args.length > 2 ? args[2] : ClassifierCorpus.DEVELOPMENT);
    ContributionClassifier fitted = ContributionClassifiers.fitted();
    ContributionClassifier standard = ContributionClassifiers.standard();
    long[][] nanos =
        AlternatingRounds.time(
            rounds,
            round -> timeClassify(corpus, fitted, passes),
            round -> timeClassify(corpus, standard, passes));
    double texts = (double) passes * corpus.texts.length;
    double[] fittedText = new double[rounds];
    double[] standardText = new double[rounds];
    double[] ratio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      fittedText[round] = nanos[0][round] / texts;
      standardText[round] = nanos[1][round] / texts;
      ratio[round] = (double) nanos[0][round] / nanos[1][round];
    }
    double[] sortedRatio = sorted(ratio);
    System.out.printf(
        Locale.ROOT,
        "%d texts, %d rounds of %d passes: fitted model %.0f ns a text, standard lexicon %.0f ns"
            + " a text; fitted over standard %.2f (quartiles %.2f-%.2f)%n",
        corpus.texts.length,
        rounds,
        passes,
        median(sorted(fittedText)),
        median(sorted(standardText)),
        median(sortedRatio),
        sortedRatio[rounds / 4],
        sortedRatio[(3 * rounds) / 4]);
  }

  private static long timeClassify(
      ClassifierCorpus corpus, ContributionClassifier classifier, int passes) {
    long start = System.nanoTime();
    long cues = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < corpus.texts.length; i++) {
        cues += corpus.classify(classifier, i).cues().size();
      }
    }
    long nanos = System.nanoTime() - start;
    sink += cues;
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
