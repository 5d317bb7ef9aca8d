package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

class ClassificationTest {
  private static final String TEXT = "I wonder whether she felt angry, and I feel sad.";

  private static Classification classify(String text) {
    return LexiconClassifier.standard()
        .classify(text, Optional.of(Phase.DISCUSSION), Optional.of(SpeakerRole.MEMBER));
  }

  private static Classification rebuilt(Classification classification) {
    return Classification.builder()
        .kind(classification.kind())
        .confidence(classification.confidence())
        .cues(List.copyOf(classification.cues()))
        .build();
  }

  @Test
  void cues_ofAClassifierResult_spanTheirMatchAndPointToTheKind() {
    Classification classification = classify(TEXT);

    ImmutableList<Cue> cues = classification.cues();

    assertFalse(cues.isEmpty());
    for (Cue cue : cues) {
      assertEquals(TEXT.substring(cue.start(), cue.end()), cue.matched());
      assertEquals(classification.kind(), cue.kind());
    }
  }

  @Test
  void equals_classifierResultAndBuiltCopy_equalBothWaysWithOneHashCode() {
    Classification untouched = classify(TEXT);

    Classification built = rebuilt(classify(TEXT));

    assertEquals(built, untouched);
    assertEquals(untouched, built);
    assertEquals(built.hashCode(), classify(TEXT).hashCode());
    assertEquals(built.toString(), classify(TEXT).toString());
  }

  @Test
  void equals_differentKindOrCues_notEqual() {
    Classification classification = classify(TEXT);
    ContributionKind other =
        classification.kind() == ContributionKind.FEELING
            ? ContributionKind.QUESTION
            : ContributionKind.FEELING;

    assertNotEquals(
        classification,
        Classification.builder().kind(other).confidence(classification.confidence()).build());
    assertNotEquals(classification, Classification.builder().kind(classification.kind()).build());
  }

  @Test
  void builder_addCueAddCuesAndCues_keepOrderAndReplace() {
    Cue first =
        Cue.builder().name("a").kind(ContributionKind.FEELING).start(0).end(1).matched("x").build();
    Cue second =
        Cue.builder().name("b").kind(ContributionKind.FEELING).start(2).end(3).matched("y").build();

    Classification added =
        Classification.builder()
            .kind(ContributionKind.FEELING)
            .addCues(first)
            .addCues(second)
            .build();
    Classification replaced =
        Classification.builder()
            .kind(ContributionKind.FEELING)
            .addCues(second)
            .cues(List.of(first, second))
            .build();

    assertEquals(List.of(first, second), added.cues());
    assertEquals(added, replaced);
  }

  @Test
  void build_cueOfAnotherKind_throws() {
    Cue speculation =
        Cue.builder()
            .name("speculation.hedge:i wonder")
            .kind(ContributionKind.SPECULATION)
            .start(0)
            .end(8)
            .matched("I wonder")
            .build();

    assertThrows(
        IllegalArgumentException.class,
        () ->
            Classification.builder().kind(ContributionKind.CLINICAL).addCues(speculation).build());
  }

  @Test
  void build_confidenceOutsideZeroToOne_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Classification.builder().kind(ContributionKind.FEELING).confidence(1.5).build());
    assertEquals(1.0, Classification.builder().kind(ContributionKind.FEELING).build().confidence());
  }

  @Test
  void build_withoutKind_throws() {
    assertThrows(IllegalStateException.class, () -> Classification.builder().build());
  }
}
