package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Locale;
import org.balint.session.ContributionKind;

/**
 * How well a classifier agrees with human coders on labelled examples: the confusion matrix over
 * the seven kinds, precision, recall and F1 per kind, accuracy and macro-F1.
 *
 * <p>Precision of a kind never given is 0, as is recall of a kind never coded; macro-F1 is the
 * unweighted mean of the seven F1 scores; Cohen's κ is defined in {@link CodingAgreement}.
 */
public final class ClassifierEvaluation {
  private static final ContributionKind[] KINDS = ContributionKind.values();

  private final int[][] confusion;
  private final ImmutableList<ClassifiedExample> outcomes;

  private ClassifierEvaluation(ImmutableList<ClassifiedExample> outcomes) {
    this.outcomes = outcomes;
    this.confusion = new int[KINDS.length][KINDS.length];
    for (ClassifiedExample outcome : outcomes) {
      confusion[outcome.example().kind().ordinal()][outcome.classification().kind().ordinal()]++;
    }
  }

  /**
   * Classifies every example and compares with its coded kind.
   *
   * @param classifier the classifier to measure
   * @param examples the labelled examples
   * @return the evaluation
   */
  public static ClassifierEvaluation of(
      ContributionClassifier classifier, List<LabelledContribution> examples) {
    checkNotNull(classifier, "classifier");
    checkNotNull(examples, "examples");
    ImmutableList.Builder<ClassifiedExample> outcomes =
        ImmutableList.builderWithExpectedSize(examples.size());
    for (LabelledContribution example : examples) {
      outcomes.add(classify(classifier, example));
    }
    return new ClassifierEvaluation(outcomes.build());
  }

  private static ClassifiedExample classify(
      ContributionClassifier classifier, LabelledContribution example) {
    return ClassifiedExample.builder()
        .example(example)
        .classification(classifier.classify(example.text(), example.phase(), example.role()))
        .build();
  }

  /**
   * Every example with what the classifier gave it, in the order evaluated.
   *
   * @return the outcomes
   */
  public ImmutableList<ClassifiedExample> outcomes() {
    return outcomes;
  }

  /**
   * The examples the classifier got wrong, in the order evaluated.
   *
   * @return the misclassified outcomes
   */
  public ImmutableList<ClassifiedExample> errors() {
    return outcomes.stream()
        .filter(outcome -> !outcome.isCorrect())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * A cell of the confusion matrix.
   *
   * @param coded the kind the coder gave
   * @param given the kind the classifier gave
   * @return how many examples coded {@code coded} were given {@code given}
   */
  public int count(ContributionKind coded, ContributionKind given) {
    return confusion[coded.ordinal()][given.ordinal()];
  }

  /**
   * The number of examples evaluated.
   *
   * @return the total
   */
  public int total() {
    return outcomes.size();
  }

  /**
   * The number of examples the classifier got right.
   *
   * @return the count on the diagonal
   */
  public int correct() {
    int correct = 0;
    for (int k = 0; k < KINDS.length; k++) {
      correct += confusion[k][k];
    }
    return correct;
  }

  /**
   * The share of examples given their coded kind.
   *
   * @return the accuracy, 0 when there are no examples
   */
  public double accuracy() {
    return ratio(correct(), total());
  }

  /**
   * The number of examples coded as a kind.
   *
   * @param kind the kind
   * @return the row total
   */
  public int support(ContributionKind kind) {
    return CodingAgreement.rowTotal(confusion, kind.ordinal());
  }

  private int predicted(ContributionKind kind) {
    return CodingAgreement.columnTotal(confusion, kind.ordinal());
  }

  /**
   * Of the examples given a kind, the share coded so.
   *
   * @param kind the kind
   * @return the precision, 0 when the kind was never given
   */
  public double precision(ContributionKind kind) {
    return ratio(count(kind, kind), predicted(kind));
  }

  /**
   * Of the examples coded as a kind, the share given it.
   *
   * @param kind the kind
   * @return the recall, 0 when the kind was never coded
   */
  public double recall(ContributionKind kind) {
    return ratio(count(kind, kind), support(kind));
  }

  /**
   * The harmonic mean of precision and recall for a kind.
   *
   * @param kind the kind
   * @return the F1 score, 0 when precision and recall are both 0
   */
  public double f1(ContributionKind kind) {
    double p = precision(kind);
    double r = recall(kind);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * The unweighted mean of the seven kinds' F1 scores.
   *
   * @return the macro-F1
   */
  public double macroF1() {
    double sum = 0;
    for (ContributionKind kind : KINDS) {
      sum += f1(kind);
    }
    return sum / KINDS.length;
  }

  /**
   * Cohen's κ between the coders' kinds and the classifier's, as {@link CodingAgreement} defines
   * it: agreement corrected for what chance gives.
   *
   * @return κ, or {@code NaN} when there are no examples or both sides gave one kind throughout
   */
  public double kappa() {
    return CodingAgreement.kappa(confusion);
  }

  private static double ratio(int numerator, int denominator) {
    return denominator == 0 ? 0 : (double) numerator / denominator;
  }

  /**
   * A plain-text report: the confusion matrix (rows coded, columns given), then precision, recall,
   * F1 and support per kind, then accuracy and macro-F1.
   *
   * @return the report, lines ending in {@code \n}
   */
  public String toTable() {
    StringBuilder out = new StringBuilder();
    CodingAgreement.appendMatrix(out, "coded \\ given", confusion);
    out.append(System.lineSeparator());
    out.append(
        String.format(
            Locale.ROOT, "%-14s%10s%8s%8s%9s%n", "kind", "precision", "recall", "F1", "support"));
    for (ContributionKind kind : KINDS) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-14s%10.3f%8.3f%8.3f%9d%n",
              kind,
              precision(kind),
              recall(kind),
              f1(kind),
              support(kind)));
    }
    out.append(System.lineSeparator());
    out.append(
        String.format(
            Locale.ROOT,
            "accuracy %.3f (%d/%d)   macro-F1 %.3f   Cohen's kappa %.3f%n",
            accuracy(),
            correct(),
            total(),
            macroF1(),
            kappa()));
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  /**
   * The same as {@link #toTable()}.
   *
   * @return the plain-text report
   */
  @Override
  public String toString() {
    return toTable();
  }
}
