package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The detector skips a type's pattern over texts that lack what every match of it holds (digits, a
 * title, an introducer, an inward code); that must find exactly what running every pattern over
 * every text finds.
 */
class DetectorShortcutsTest {
  private static final UkIdentifierDetector DETECTOR = UkIdentifierDetector.INSTANCE;

  /** Fragments that start, end or nearly make identifiers of every type, to be glued at random. */
  private static final List<String> FRAGMENTS =
      List.of(
          "Mrs ",
          "mrs ",
          "MRS ",
          "Jane ",
          "jane ",
          "Smith",
          "SMITH",
          "Dr. ",
          "dr ",
          "A. ",
          "Khan",
          "O'Neil",
          "-",
          " ",
          ", ",
          ".",
          "(",
          ")",
          "[at]",
          "(at)",
          " dot ",
          "@",
          "\u00a0",
          "\u200b",
          "\u2013",
          "\uff19",
          "+44 ",
          "0",
          "07700 ",
          "900123",
          "020.7946.0958",
          "943 476 5919",
          "9434765919",
          "94347 65919",
          "9434 765 919",
          "nhs no.",
          "NHS ",
          "DOB",
          "born ",
          "b. ",
          "d o b ",
          "3 March 1961",
          "12/03/1961",
          "12-Mar-61",
          "MRN ",
          "Hospital No. ",
          "K 123 456",
          "RX1234567",
          "LS6 2AB",
          "ls6-2ab",
          "GIR 0AA",
          "SW1A1AA",
          "14 ",
          "Acacia ",
          "avenue",
          "Avenue",
          "Flat 3, ",
          "221b ",
          "5th ",
          "Baker ",
          "Street",
          "jane.smith",
          "gmail.com",
          " at ",
          "email ",
          "ward 7",
          "bay 3",
          "10:30",
          "20 mg",
          "the 73 bus",
          "aged 67",
          "in 1998",
          "HbA1c 48",
          "x",
          "_");

  private static final Gen<String> TEXTS =
      lists()
          .of(integers().between(0, FRAGMENTS.size() - 1).map(FRAGMENTS::get))
          .ofSizeBetween(0, 14)
          .map(parts -> String.join("", parts));

  @Test
  void detect_findsWhatRunningEveryFinderFinds_onGeneratedTexts() {
    qt().withExamples(3000)
        .forAll(TEXTS)
        .checkAssert(
            text ->
                assertEquals(DETECTOR.detectRunningEveryFinder(text), DETECTOR.detect(text), text));
  }

  @Test
  void detect_findsWhatRunningEveryFinderFinds_onTheEvaluationSets() throws IOException {
    EvaluationSet all =
        EvaluationSet.read(
            "identifiers-eval.jsonl",
            "identifiers-sloppy-dev.jsonl",
            "identifiers-sloppy-holdout.jsonl");
    for (EvaluationSet.Example example : all.examples()) {
      assertEquals(
          DETECTOR.detectRunningEveryFinder(example.text()),
          DETECTOR.detect(example.text()),
          example.text());
    }
  }
}
