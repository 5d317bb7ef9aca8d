package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Measures the standard detector on the labelled evaluation set of clinician speech in {@code
 * identifiers-eval.jsonl}: every identifier type in varied sentences, and near-misses that must
 * yield nothing. A detection counts as correct when it overlaps an expected identifier of the same
 * type.
 */
class IdentifierEvaluationTest {
  private static EvaluationSet examples;

  @BeforeAll
  static void readExamples() throws IOException {
    examples = EvaluationSet.read("identifiers-eval.jsonl");
  }

  @Test
  void detect_evaluationSet_isLargeAndVaried() {
    assertTrue(examples.examples().size() >= 250, "examples: " + examples.examples().size());
    assertTrue(examples.nearMisses() >= 120, "near-misses: " + examples.nearMisses());
    for (IdentifierType type : IdentifierType.values()) {
      assertTrue(examples.count(type) >= 8, type + " appears in only " + examples.count(type));
    }
  }

  @Test
  void detect_evaluationSet_meetsRecallAndPrecision() {
    EvaluationSet.Score score = examples.score(IdentifierDetector.standard());
    System.out.println(score.summary("identifier evaluation"));
    System.out.print(score.errors());
    assertTrue(score.recall() >= 0.99, () -> "recall " + score.recall() + "\n" + score.errors());
    assertTrue(
        score.precision() >= 0.99, () -> "precision " + score.precision() + "\n" + score.errors());
  }
}
