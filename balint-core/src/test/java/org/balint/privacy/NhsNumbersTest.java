package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;

class NhsNumbersTest {
  @Test
  void checkDigit_knownNumber_isNine() {
    assertEquals(9, NhsNumbers.checkDigit("943476591"));
    assertTrue(NhsNumbers.isValid("9434765919"));
  }

  @Test
  void checkDigit_remainderZero_isZero() {
    // A weighted sum of 0 gives 11 - 0 = 11, which is read as 0.
    assertEquals(0, NhsNumbers.checkDigit("000000000"));
    assertTrue(NhsNumbers.isValid("0000000000"));
  }

  @Test
  void checkDigit_remainderOne_hasNoCheckDigit() {
    // 000000006 weighs 6 * 2 = 12, remainder 1: 11 - 1 = 10, which no digit can be.
    assertEquals(-1, NhsNumbers.checkDigit("000000006"));
    for (int last = 0; last <= 9; last++) {
      assertFalse(NhsNumbers.isValid("000000006" + last));
    }
  }

  @Test
  void isValid_wrongLengthOrNonDigits_isFalse() {
    for (String candidate :
        ImmutableList.of("943476591", "94347659190", "943 476 5919", "94347659l9", "")) {
      assertFalse(NhsNumbers.isValid(candidate), candidate);
    }
  }

  @Test
  void checkDigit_notNineDigits_throws() {
    assertThrows(IllegalArgumentException.class, () -> NhsNumbers.checkDigit("12345678"));
    assertThrows(IllegalArgumentException.class, () -> NhsNumbers.checkDigit("12345678x"));
  }

  @Test
  void isValid_exactlyOneCheckDigitPerPrefix() {
    qt().forAll(integers().between(0, 999_999_999))
        .checkAssert(
            prefix -> {
              String nine = String.format("%09d", prefix);
              long valid = 0;
              for (int last = 0; last <= 9; last++) {
                valid += NhsNumbers.isValid(nine + last) ? 1 : 0;
              }
              assertEquals(NhsNumbers.checkDigit(nine) < 0 ? 0 : 1, valid, nine);
            });
  }
}
