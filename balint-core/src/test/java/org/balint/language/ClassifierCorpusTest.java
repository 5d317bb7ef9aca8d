package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.balint.session.ContributionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Guards the classifiers' agreement with the coders on the labelled sets, and checks issue 3's
 * accuracy targets on the sets nobody read. The standard lexicon's floors sit a little under the
 * figures measured when it was last tuned (see docs/classifier.md), so that a regression fails
 * here. The development corpus is the tuning set: its figures are in-sample. The first held-out set
 * was written before the lexicon, by its author; the second to fifth after it, each scored blind
 * once (macro-F1 0.743, 0.843, 0.812, 0.884) before its errors were read and the lexicon broadened,
 * so all now guard against regressions rather than measure generalisation. docs/classifier.md gives
 * the figures and their history.
 */
class ClassifierCorpusTest {
  private static final ContributionClassifier CLASSIFIER = ContributionClassifiers.standard();

  @Test
  void developmentCorpus_staysAboveItsFloors() {
    ClassifierEvaluation evaluation = evaluate(LabelledCorpus.DEVELOPMENT);

    assertEquals(240, evaluation.total());
    assertFloors(evaluation, 0.95, 0.90);
  }

  @Test
  void heldOutSet_staysAboveItsFloors() {
    ClassifierEvaluation evaluation = evaluate(LabelledCorpus.HELD_OUT);

    assertEquals(149, evaluation.total());
    for (ContributionKind kind : ContributionKind.values()) {
      assertTrue(evaluation.support(kind) >= 20, kind + " has too few held-out examples");
    }
    assertFloors(evaluation, 0.95, 0.92);
  }

  private static ClassifierEvaluation evaluate(String corpus) {
    return ClassifierEvaluation.of(CLASSIFIER, LabelledCorpus.load(corpus));
  }

  /** Evaluates a blind set, checking that it has its 15 sentences of each kind. */
  private static ClassifierEvaluation evaluateBlindSet(int set) {
    String corpus = LabelledCorpus.blind(set);
    ClassifierEvaluation evaluation = evaluate(corpus);
    assertEquals(105, evaluation.total());
    for (ContributionKind kind : ContributionKind.values()) {
      assertEquals(15, evaluation.support(kind), kind + " in " + corpus);
    }
    return evaluation;
  }

  /** The macro-F1 floor, and one floor for the F1 of each kind the method's rules rest on. */
  private static void assertFloors(
      ClassifierEvaluation evaluation, double macroFloor, double ruleKindFloor) {
    assertAbove(macroFloor, evaluation.macroF1(), "macro-F1", evaluation);
    for (ContributionKind kind :
        ImmutableList.of(
            ContributionKind.CLINICAL, ContributionKind.NEW_CASE, ContributionKind.JUDGEMENT)) {
      assertAbove(ruleKindFloor, evaluation.f1(kind), kind + " F1", evaluation);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        LabelledCorpus.HELD_OUT_2,
        LabelledCorpus.HELD_OUT_3,
        LabelledCorpus.HELD_OUT_4,
        LabelledCorpus.HELD_OUT_5
      })
  void laterHeldOutSets_stayAboveTheirFloors(String corpus) {
    ClassifierEvaluation evaluation = evaluate(corpus);

    assertEquals(70, evaluation.total());
    assertFloors(evaluation, 0.95, 0.90);
  }

  /**
   * The seven blind sets of 105 (15 a kind), written in other voices and scenarios after the
   * held-out sets. Each was scored once before its errors were read (macro-F1 0.906, 0.886, 0.848
   * for the first three against the lexicon as it was; 0.850, 0.886, 0.943, 0.923 for sets 4 to 7,
   * each written after one more broadening); docs/classifier.md gives the tables. The floors here
   * guard what was reached since, not generalisation.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
  void blindSets_stayAboveTheirFloors(int set) {
    assertFloors(evaluateBlindSet(set), 0.95, 0.92);
  }

  /**
   * The blind sets of 105 written by independent writers and since read (sets 8 to 13, see {@link
   * LabelledCorpus#FIRST_INDEPENDENT_SET}). Scored once, before any of their errors were read, sets
   * 8 to 11 gave macro-F1 0.754, 0.774, 0.764 and 0.820 against the lexicon of the start of the
   * third session, and sets 12 and 13 gave 0.914 and 0.822 after the first broadening: short of
   * issue 3's targets. Their errors were then read and the lexicon broadened (0.90 to 1.00 at the
   * end of the third session); the floors guard that. The vocabulary of the fourth session cost set
   * 13 two sentences (0.906 to 0.889; CLINICAL 0.778 to 0.737). The estimate of generalisation is
   * now sets 28 to 31.
   */
  @ParameterizedTest
  @ValueSource(ints = {8, 9, 10, 11, 12, 13})
  void independentSets_stayAboveTheirFloors(int set) {
    assertFloors(evaluateBlindSet(set), 0.88, 0.70);
  }

  /**
   * Sets 14 and 15, written by two further independent writers after the lexicon was broadened from
   * sets 8 to 13, and never used to tune it. Scored blind: macro-F1 0.800 and 0.819; CLINICAL 0.774
   * and 0.778, NEW_CASE 0.867 and 0.933, JUDGEMENT 0.750 and 0.828. The floors sit under these
   * figures.
   */
  @ParameterizedTest
  @ValueSource(ints = {14, 15})
  void laterIndependentSets_stayAboveTheirFloors(int set) {
    assertFloors(evaluateBlindSet(set), 0.76, 0.70);
  }

  /**
   * Sets 16 to 31, by sixteen more independent writers (fourth session), which the standard lexicon
   * was not tuned on; it gained only vocabulary compiled from general knowledge (names of drugs,
   * tests, conditions, therapies and services) and "client" beside "patient". They score macro-F1
   * 0.822 to 0.904, with single kinds as low as 0.600 (CLINICAL in set 30): the standard lexicon
   * misses issue 3's targets on other people's sentences, and these floors only guard against
   * losing more.
   */
  @ParameterizedTest
  @ValueSource(ints = {16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31})
  void fourthSessionSets_stayAboveTheirFloors(int set) {
    assertFloors(evaluateBlindSet(set), 0.80, 0.55);
  }

  /**
   * The default classifier, the fitted model, on the sets it was fitted to (every labelled set but
   * 28 to 31): in-sample, so close to the coders (macro-F1 0.99 to 1.00).
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 5, 8, 12, 14, 16, 18, 20, 24, 27})
  void defaultClassifier_onSetsItWasFittedTo_agreesWithTheCoders(int set) {
    assertSame(ContributionClassifiers.fitted(), ContributionClassifiers.defaultClassifier());
    assertFloors(fitted(LabelledCorpus.blind(set)), 0.97, 0.95);
  }

  /**
   * Issue 3's accuracy targets, checked on sentences by other people: the four sets that nobody
   * read and that the fitted model was not fitted to (28 to 31, 420 sentences by four independent
   * writers), pooled. Scored once when the model was frozen: macro-F1 0.950; CLINICAL 0.923,
   * NEW_CASE 0.949, JUDGEMENT 0.948 (the standard lexicon: 0.874; 0.752, 0.922, 0.903). The targets
   * are macro-F1 0.85 and 0.90 for each of the three kinds.
   */
  @Test
  void defaultClassifier_onUnreadSets_meetsTheAccuracyTargets() {
    ImmutableList.Builder<LabelledContribution> unread = ImmutableList.builder();
    for (int set = LabelledCorpus.FIRST_UNREAD_SET; set <= LabelledCorpus.BLIND_SETS; set++) {
      unread.addAll(LabelledCorpus.load(LabelledCorpus.blind(set)));
    }
    ClassifierEvaluation evaluation =
        ClassifierEvaluation.of(ContributionClassifiers.defaultClassifier(), unread.build());

    assertEquals(420, evaluation.total());
    assertFloors(evaluation, 0.85, 0.90);
  }

  /**
   * Each unread set alone, whose figures vary more (15 sentences a kind): macro-F1 0.931 to 1.000,
   * and 0.800 to 1.000 for each of the three kinds. The floors sit under these figures.
   */
  @ParameterizedTest
  @ValueSource(ints = {28, 29, 30, 31})
  void defaultClassifier_onEachUnreadSet_staysAboveItsFloors(int set) {
    assertFloors(fitted(LabelledCorpus.blind(set)), 0.92, 0.78);
  }

  private static ClassifierEvaluation fitted(String corpus) {
    return ClassifierEvaluation.of(ContributionClassifiers.fitted(), LabelledCorpus.load(corpus));
  }

  private static void assertAbove(
      double floor, double actual, String what, ClassifierEvaluation evaluation) {
    assertTrue(actual >= floor, what + " " + actual + " fell below " + floor + "\n" + evaluation);
  }
}
