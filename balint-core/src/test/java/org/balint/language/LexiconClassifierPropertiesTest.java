package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

/** Properties of the standard classifier over arbitrary texts up to the 10,000-character limit. */
class LexiconClassifierPropertiesTest {
  private static final LexiconClassifier CLASSIFIER = LexiconClassifier.standard();

  /** Words and pieces that hit many cues, so that generated texts are rich in matches. */
  private static final ImmutableList<String> PIECES =
      ImmutableList.of(
          "I feel ",
          "sad",
          " perhaps ",
          "I wonder whether ",
          "you should have ",
          "well done",
          "a patient of mine ",
          "reminds me of ",
          "CT",
          " antibiotics",
          "refer*",
          "let's ",
          "time's up",
          "?",
          "How long ",
          "I’d ",
          "-",
          " ",
          ", ",
          ". ",
          "\n",
          "é",
          "\uD83D\uDE00",
          "İ",
          "ß",
          "x");

  private static void checkCues(String text, Classification classification) {
    assertNotNull(classification.kind());
    int previousStart = 0;
    for (Cue cue : classification.cues()) {
      assertTrue(
          0 <= cue.start() && cue.start() < cue.end() && cue.end() <= text.length(),
          cue.toString());
      assertTrue(previousStart <= cue.start(), "cues out of order: " + classification.cues());
      assertEquals(text.substring(cue.start(), cue.end()), cue.matched());
      assertEquals(classification.kind(), cue.kind());
      previousStart = cue.start();
    }
  }

  @Test
  void classify_anyText_hasCuesInBoundsAndInOrder() {
    qt().withExamples(200)
        .forAll(
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 10_000),
            arbitrary().enumValues(Phase.class),
            arbitrary().enumValues(SpeakerRole.class))
        .checkAssert(
            (text, phase, role) ->
                checkCues(text, CLASSIFIER.classify(text, Optional.of(phase), Optional.of(role))));
  }

  @Test
  void classify_textsDenseInCues_hasCuesInBoundsAndInOrder() {
    qt().withExamples(300)
        .forAll(
            lists().of(arbitrary().pick(PIECES)).ofSizeBetween(0, 1500),
            integers().between(0, 10_000))
        .checkAssert(
            (pieces, cut) -> {
              String joined = String.join("", pieces);
              String text = joined.substring(0, Math.min(cut, joined.length()));
              checkCues(text, CLASSIFIER.classify(text));
            });
  }
}
