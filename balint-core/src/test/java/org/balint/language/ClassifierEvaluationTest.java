package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.junit.jupiter.api.Test;

class ClassifierEvaluationTest {
  private static LabelledContribution example(String text, ContributionKind kind) {
    return LabelledContribution.builder().text(text).kind(kind).build();
  }

  /** A classifier that reads the kind off the text's first word. */
  private static final ContributionClassifier BY_FIRST_WORD =
      (text, phase, role) ->
          Classification.builder().kind(ContributionKind.valueOf(text.split(" ")[0])).build();

  private static final ImmutableList<LabelledContribution> EXAMPLES =
      ImmutableList.of(
          example("FEELING a", ContributionKind.FEELING),
          example("FEELING b", ContributionKind.FEELING),
          example("SPECULATION c", ContributionKind.FEELING),
          example("SPECULATION d", ContributionKind.SPECULATION),
          example("CLINICAL e", ContributionKind.CLINICAL),
          example("QUESTION f", ContributionKind.CLINICAL));

  @Test
  void of_countsTheConfusionMatrix() {
    ClassifierEvaluation evaluation = ClassifierEvaluation.of(BY_FIRST_WORD, EXAMPLES);

    assertEquals(6, evaluation.total());
    assertEquals(4, evaluation.correct());
    assertEquals(2, evaluation.count(ContributionKind.FEELING, ContributionKind.FEELING));
    assertEquals(1, evaluation.count(ContributionKind.FEELING, ContributionKind.SPECULATION));
    assertEquals(1, evaluation.count(ContributionKind.CLINICAL, ContributionKind.QUESTION));
    assertEquals(3, evaluation.support(ContributionKind.FEELING));
    assertEquals(2, evaluation.errors().size());
  }

  @Test
  void of_precisionRecallF1() {
    ClassifierEvaluation evaluation = ClassifierEvaluation.of(BY_FIRST_WORD, EXAMPLES);

    assertEquals(1.0, evaluation.precision(ContributionKind.FEELING), 1e-12);
    assertEquals(2.0 / 3, evaluation.recall(ContributionKind.FEELING), 1e-12);
    assertEquals(0.8, evaluation.f1(ContributionKind.FEELING), 1e-12);
    assertEquals(0.5, evaluation.precision(ContributionKind.SPECULATION), 1e-12);
    assertEquals(0.0, evaluation.precision(ContributionKind.QUESTION), 1e-12);
    assertEquals(0.0, evaluation.f1(ContributionKind.NEW_CASE), 1e-12);
    assertEquals(4.0 / 6, evaluation.accuracy(), 1e-12);
    double expectedMacro = (0.8 + 2.0 / 3 + 0 + 2.0 / 3 + 0 + 0 + 0) / 7;
    assertEquals(expectedMacro, evaluation.macroF1(), 1e-12);
  }

  @Test
  void toTable_showsMatrixScoresAndTotals() {
    String table = ClassifierEvaluation.of(BY_FIRST_WORD, EXAMPLES).toTable();

    assertTrue(
        table.startsWith("coded \\ given   FEEL  SPEC  QUES  CLIN  NEWC  JUDG  FACI"), table);
    assertTrue(table.contains("FEELING            2     1     0"), table);
    assertTrue(table.contains("accuracy 0.667 (4/6)"), table);
    assertTrue(table.contains("macro-F1 0.305"), table);
  }

  @Test
  void classifiedExample_isCorrect() {
    ClassifiedExample right =
        ClassifiedExample.builder()
            .example(example("x", ContributionKind.FEELING))
            .classification(Classification.builder().kind(ContributionKind.FEELING).build())
            .build();

    assertTrue(right.isCorrect());
    assertTrue(
        !right
            .withClassification(Classification.builder().kind(ContributionKind.QUESTION).build())
            .isCorrect());
    assertEquals(Optional.empty(), right.example().phase());
  }
}
