package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

/** Generated NHS numbers, in each of the three formats, inside a sentence. */
class NhsNumberPropertyTest {
  private static final ImmutableList<String> SEPARATORS = ImmutableList.of("", " ", "-");

  private static String format(String digits, String separator) {
    return digits.substring(0, 3)
        + separator
        + digits.substring(3, 6)
        + separator
        + digits.substring(6);
  }

  @Test
  void detect_validNumberInAnyFormat_isFoundWithExactSpan() {
    qt().forAll(integers().between(0, 999_999_999), integers().between(0, 2))
        .assuming((prefix, format) -> NhsNumbers.checkDigit(String.format("%09d", prefix)) >= 0)
        .assuming((prefix, format) -> prefix % 111_111_111 != 0)
        .checkAssert(
            (prefix, format) -> {
              String nine = String.format("%09d", prefix);
              String number = format(nine + NhsNumbers.checkDigit(nine), SEPARATORS.get(format));
              String text = "Her NHS number is " + number + ", she said.";
              ImmutableList<Identifier> found = IdentifierDetector.standard().detect(text);
              assertEquals(1, found.size(), text + " -> " + found);
              assertEquals(IdentifierType.NHS_NUMBER, found.get(0).type(), text);
              assertEquals(18, found.get(0).start(), text);
              assertEquals(18 + number.length(), found.get(0).end(), text);
            });
  }

  @Test
  void detect_repeatedDigit_isNotFoundThoughItsCheckDigitFits() {
    for (String number : new String[] {"0000000000", "1111111111", "9999999999"}) {
      assertTrue(NhsNumbers.isValid(number), number);
      assertTrue(IdentifierDetector.standard().detect("Number " + number + ".").isEmpty(), number);
    }
  }

  @Test
  void detect_numberWithWrongCheckDigit_isNotFound() {
    qt().forAll(
            integers().between(0, 999_999_999), integers().between(1, 9), integers().between(0, 2))
        .checkAssert(
            (prefix, offset, format) -> {
              String nine = String.format("%09d", prefix);
              int check = NhsNumbers.checkDigit(nine);
              int wrong = check < 0 ? offset : (check + offset) % 10;
              String number = format(nine + wrong, SEPARATORS.get(format));
              String text = "The letter said " + number + " at the top.";
              assertTrue(
                  IdentifierDetector.standard().detect(text).stream()
                      .noneMatch(i -> i.type() == IdentifierType.NHS_NUMBER),
                  text);
            });
  }
}
