package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Scores the standard detector on identifiers as clinicians and typists really write them: odd
 * spacing, no-break, zero-width and full-width characters, stray punctuation, lower and upper case,
 * for every type, and near-misses (doses, times, ages, years, wards, bus routes, titles without a
 * full name, foreign phone numbers, NHS numbers with a wrong check digit) that must yield nothing.
 *
 * <p>The sentences were written by the privacy engineer of the Balint project from knowledge of UK
 * clinical writing, before the detector was changed for them and without reading its patterns. They
 * are split at random, per type, into a development half ({@code identifiers-sloppy-dev.jsonl})
 * that the detector was tuned on and a held-out half ({@code identifiers-sloppy-holdout.jsonl})
 * that was scored once, after development; the floors sit just under the figures reached. Scored
 * once before any change, the detector that matched the raw text found 139 of the 221 identifiers
 * (recall 0.629); the normalised detector finds all of them in both halves, with no near-miss
 * flagged (docs/privacy.md). The held-out test prints its figures only, never its sentences.
 */
class SloppyIdentifierEvaluationTest {
  @Test
  void detect_sloppySets_coverEveryTypeAndManyNearMisses() throws IOException {
    EvaluationSet all =
        EvaluationSet.read("identifiers-sloppy-dev.jsonl", "identifiers-sloppy-holdout.jsonl");
    assertTrue(all.examples().size() >= 300, "sentences: " + all.examples().size());
    assertTrue(all.nearMisses() >= 150, "near-misses: " + all.nearMisses());
    for (IdentifierType type : IdentifierType.values()) {
      assertTrue(all.count(type) >= 15, type + " appears in only " + all.count(type));
    }
  }

  @Test
  void detect_developmentHalf_meetsRecallWithoutFlaggingNearMisses() throws IOException {
    EvaluationSet.Score score =
        EvaluationSet.read("identifiers-sloppy-dev.jsonl").score(IdentifierDetector.standard());
    System.out.println(score.summary("sloppy identifiers, development half"));
    System.out.print(score.errors());
    assertTrue(score.recall() >= 0.99, score.errors());
    assertTrue(score.exactRecall() >= 0.98, score.errors());
    assertTrue(score.precision() >= 0.99, score.errors());
    assertTrue(score.nearMissesFlagged() == 0, score.errors());
  }

  @Test
  void detect_heldOutHalf_meetsRecallWithoutFlaggingNearMisses() throws IOException {
    EvaluationSet.Score score =
        EvaluationSet.read("identifiers-sloppy-holdout.jsonl").score(IdentifierDetector.standard());
    System.out.println(score.summary("sloppy identifiers, held-out half"));
    assertTrue(score.recall() >= 0.99, score.summary("held-out"));
    assertTrue(score.exactRecall() >= 0.98, score.summary("held-out"));
    assertTrue(score.precision() >= 0.99, score.summary("held-out"));
    assertTrue(score.nearMissesFlagged() == 0, score.summary("held-out"));
  }
}
