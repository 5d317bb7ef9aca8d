package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The detector tries each pattern only where it can start; that must find exactly what trying
 * every position finds.
 */
class DetectorStartPositionsTest {
  private static final UkIdentifierDetector DETECTOR = UkIdentifierDetector.INSTANCE;

  /** Fragments that start, end or nearly make identifiers of every type, to be glued at random. */
  private static final List<String> FRAGMENTS =
      List.of(
          "Mrs ", "Jane ", "Smith", "Dr. ", "A. ", "Khan", "O'Neil", "-", " ", ", ", ".", "(", ")",
          "+44 ", "0", "07700 ", "900123", "020 7946 0958", "943 476 5919", "9434765919", "943-476-5919",
          "DOB ", "born on ", "3 March 1961", "12/03/1961", "MRN ", "hospital number ", "RX1234567",
          "LS1 4AP", "ls14ap", "GIR 0AA", "SW1A 1AA", "14 ", "Acacia ", "Avenue", "Flat 3, ", "221b ",
          "Baker ", "Street", "jane.smith@nhs.net", " at ", " dot ", "email ", "ward 7", "bay 3",
          "10:30", "20 mg", "the 73 bus", "aged 67", "in 1998", "HbA1c 48", "\u00c9mile ", "\u00e9",
          "B", "b.", "d.o.b. ", "U", "unit number ", "P", "case notes ", "F", "A", "S", "x", "_");

  private static final Gen<String> TEXTS =
      lists()
          .of(integers().between(0, FRAGMENTS.size() - 1).map(FRAGMENTS::get))
          .ofSizeBetween(0, 14)
          .map(parts -> String.join("", parts));

  @Test
  void detect_findsWhatTryingEveryPositionFinds_onGeneratedTexts() {
    qt().withExamples(3000)
        .forAll(TEXTS)
        .checkAssert(text -> assertEquals(DETECTOR.detectTryingEveryPosition(text), DETECTOR.detect(text), text));
  }

  @Test
  void detect_findsWhatTryingEveryPositionFinds_onTheEvaluationSet() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("identifiers-eval.jsonl")) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : all.split("\n")) {
        assertEquals(DETECTOR.detectTryingEveryPosition(line), DETECTOR.detect(line), line);
      }
    }
  }
}
