package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.balint.session.ContributionKind;
import org.junit.jupiter.api.Test;

class CascadeClassifierTest {
  /** Says FEELING, as sure as the text's length in tenths (capped at 1). */
  private static final ContributionClassifier FAST =
      (text, phase, role) ->
          Classification.builder()
              .kind(ContributionKind.FEELING)
              .confidence(Math.min(1, text.length() / 10.0))
              .build();

  @Test
  void classify_fastSureEnough_keepsItsAnswer_otherwiseAsksTheSlowOne() {
    List<String> asked = new ArrayList<>();
    ContributionClassifier slow =
        (text, phase, role) -> {
          asked.add(text);
          return Classification.builder().kind(ContributionKind.CLINICAL).confidence(0.7).build();
        };
    ContributionClassifier cascade = ContributionClassifiers.cascade(FAST, slow, 0.8);

    assertEquals(ContributionKind.FEELING, cascade.classify("eight ch").kind());
    assertEquals(ContributionKind.CLINICAL, cascade.classify("seven!").kind());
    assertEquals(0.7, cascade.classify("short").confidence());
    assertEquals(List.of("seven!", "short"), asked);
  }

  @Test
  void cascade_thresholdOutsideZeroToOne_throws() {
    assertThrows(
        IllegalArgumentException.class, () -> ContributionClassifiers.cascade(FAST, FAST, 1.2));
  }
}
