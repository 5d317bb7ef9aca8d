package org.balint.classifier.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.language.Cue;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeuralClassifierTest {
  private static final ContributionClassifier NEURAL = NeuralClassifiers.neural();
  private static final ContributionClassifier CASCADE = NeuralClassifiers.cascade();

  private static Classification classify(
      ContributionClassifier classifier, String text, Phase phase, SpeakerRole role) {
    return classifier.classify(text, Optional.of(phase), Optional.of(role));
  }

  @Test
  void defaultClassifier_withThisModuleOnTheClassPath_isTheCascade() {
    Classification expected = classify(CASCADE, "I wonder.", Phase.DISCUSSION, SpeakerRole.MEMBER);

    assertEquals(
        expected,
        classify(
            ContributionClassifiers.defaultClassifier(),
            "I wonder.",
            Phase.DISCUSSION,
            SpeakerRole.MEMBER));
  }

  @Test
  void classify_iWonderInTheDiscussion_isSpeculation() {
    for (ContributionClassifier classifier : new ContributionClassifier[] {NEURAL, CASCADE}) {
      assertEquals(
          ContributionKind.SPECULATION,
          classify(classifier, "I wonder.", Phase.DISCUSSION, SpeakerRole.MEMBER).kind(),
          classifier::toString);
    }
  }

  @Test
  void classify_presenterFindsItHelpful_notAJudgement() {
    for (ContributionClassifier classifier : new ContributionClassifier[] {NEURAL, CASCADE}) {
      Classification classification =
          classify(classifier, "That was helpful.", Phase.PRESENTER_RETURNS, SpeakerRole.PRESENTER);

      assertNotEquals(ContributionKind.JUDGEMENT, classification.kind(), classifier::toString);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Gosh. My heart's actually pounding after that.",
        "I feel so sad for her.",
        "That makes me angry, honestly.",
        "Sad.",
        "Heavy.",
        "Ouch.",
        "Poor man.",
        "Poor you.",
        "Poor thing.",
      })
  void classify_shortFeelingStatements_areFeelings(String text) {
    for (ContributionClassifier classifier : new ContributionClassifier[] {NEURAL, CASCADE}) {
      assertEquals(
          ContributionKind.FEELING,
          classify(classifier, text, Phase.DISCUSSION, SpeakerRole.MEMBER).kind(),
          () -> classifier + ": " + text);
    }
  }

  @Test
  void classify_confidenceIsTheProbabilityOfTheKind() {
    OnnxClassifier neural = OnnxClassifier.shared();
    String text = "Has she had her thyroid checked?";

    double[] p = neural.probabilities(text, Optional.of(Phase.QUESTIONS), Optional.empty());
    Classification classification =
        neural.classify(text, Optional.of(Phase.QUESTIONS), Optional.empty());

    assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
    assertEquals(Arrays.stream(p).max().getAsDouble(), classification.confidence(), 1e-9);
    assertEquals(p[classification.kind().ordinal()], classification.confidence(), 1e-9);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I wonder.",
        "That was helpful.",
        "Gosh. My heart's actually pounding after that.",
        "Could it be hypothyroidism? I'd check her TSH.",
        "That reminds me of a patient I had last year.",
        "You should have referred her much earlier.",
        "Let's move on to the discussion now.",
      })
  void cues_ofTheNeuralClassifier_wordsOfTheTextThenExamplesOfTheSameKind(String text) {
    Classification classification = NEURAL.classify(text);

    assertFalse(classification.cues().isEmpty(), text);
    boolean examples = false;
    for (Cue cue : classification.cues()) {
      assertEquals(classification.kind(), cue.kind());
      assertFalse(namesAnotherKind(cue, classification.kind()), cue::toString);
      if (cue.name().startsWith("example")) {
        examples = true;
        assertEquals(0, cue.end());
      } else {
        assertFalse(examples, "word cues come before the examples");
        assertEquals(text.substring(cue.start(), cue.end()), cue.matched());
      }
    }
    assertTrue(examples, text);
  }

  @Test
  void cues_ofTheCascade_neverNameAnotherKind() {
    String[] texts = {
      "I wonder.",
      "I wonder whether he is frightened of her.",
      "Who referred her?",
      "There's a chap I see who calls me darling.",
      "Well done for bringing it."
    };
    for (String text : texts) {
      for (Phase phase : Phase.values()) {
        Classification classification =
            CASCADE.classify(text, Optional.of(phase), Optional.of(SpeakerRole.MEMBER));
        for (Cue cue : classification.cues()) {
          assertFalse(namesAnotherKind(cue, classification.kind()), () -> text + ": " + cue);
        }
      }
    }
  }

  /** Whether a cue's name starts with another kind's family, as "speculation.hedge:". */
  private static boolean namesAnotherKind(Cue cue, ContributionKind kind) {
    for (ContributionKind other : ContributionKind.values()) {
      String family = other.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (other != kind && cue.name().startsWith(family + ".")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shared_isOneInstance() {
    assertSame(OnnxClassifier.shared(), OnnxClassifier.shared());
  }
}
