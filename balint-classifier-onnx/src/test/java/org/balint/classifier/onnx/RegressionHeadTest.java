package org.balint.classifier.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

class RegressionHeadTest {
  private static final int D = SentenceEncoder.DIMENSIONS;

  /** An embedding that is one-hot in a dimension. */
  private static float[] unit(int dimension) {
    float[] e = new float[D];
    e[dimension] = 1;
    return e;
  }

  private static Training.Example example(String text, int dimension, ContributionKind kind) {
    return new Training.Example(
        unit(dimension),
        Features.of(text, Optional.of(Phase.DISCUSSION), Optional.of(SpeakerRole.MEMBER)).stream()
            .map(t -> t.name)
            .distinct()
            .toList(),
        kind.ordinal());
  }

  private static List<Training.Example> examples() {
    List<Training.Example> examples = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      examples.add(example("I feel sad", 0, ContributionKind.FEELING));
      examples.add(example("Check her thyroid", 1, ContributionKind.CLINICAL));
      examples.add(example("I wonder if she is lonely", 2, ContributionKind.SPECULATION));
    }
    return examples;
  }

  @Test
  void fit_separableExamples_eachGetsItsKindMostLikely() {
    RegressionHead head = Training.fit(examples(), new Training.Settings(1, 0.0001, 2, 200));

    for (Training.Example e : examples()) {
      int[] known = e.features().stream().mapToInt(head::feature).filter(f -> f >= 0).toArray();
      double[] p = head.probabilities(e.embedding(), known);
      for (int k = 0; k < p.length; k++) {
        assertTrue(k == e.label() || p[k] < p[e.label()]);
      }
    }
  }

  @Test
  void writeThenRead_givesTheSameProbabilities() throws IOException {
    RegressionHead head =
        Training.fit(examples(), new Training.Settings(0.5, 0.001, 2, 50)).withTemperature(1.5);
    StringWriter text = new StringWriter();
    head.write(new PrintWriter(text), List.of("a test head"));

    RegressionHead read = RegressionHead.read(new StringReader(text.toString()), "test");

    int[] features = {head.feature("w:feel"), head.feature("phase:DISCUSSION")};
    int[] same = {read.feature("w:feel"), read.feature("phase:DISCUSSION")};
    assertEquals(1.5, read.temperature);
    assertArrayEquals(
        head.probabilities(unit(3), features), read.probabilities(unit(3), same), 1e-3);
  }

  @Test
  void read_lineWithTooFewWeights_namesTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegressionHead.read(new StringReader("# x\nbias 1 2 3\n"), "head.txt"));

    assertEquals(
        "head.txt line 2: expected 7 weights, found 3 (weights of the neural head)",
        e.getMessage());
  }
}
