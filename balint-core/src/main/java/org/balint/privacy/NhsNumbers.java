package org.balint.privacy;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The modulus-11 check of NHS numbers.
 *
 * <p>An NHS number has ten digits; the first nine are weighted 10, 9, ..., 2 and summed, and the
 * check digit (the tenth) is {@code 11 - (sum mod 11)}, with 11 read as 0. A remainder that gives
 * 10 has no check digit: no valid NHS number starts with those nine digits.
 */
public final class NhsNumbers {
  private NhsNumbers() {}

  /**
   * Computes the check digit for the first nine digits of an NHS number.
   *
   * @param nineDigits exactly nine ASCII digits
   * @return the check digit 0-9, or -1 when these nine digits cannot start a valid NHS number
   * @throws IllegalArgumentException if {@code nineDigits} is not nine ASCII digits
   */
  public static int checkDigit(String nineDigits) {
    checkNotNull(nineDigits, "nineDigits must not be null");
    checkArgument(
        nineDigits.length() == 9 && isAsciiDigits(nineDigits),
        "nineDigits must be nine ASCII digits, but was %s",
        nineDigits);
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - (sum % 11);
    if (check == 11) {
      return 0;
    }
    return check == 10 ? -1 : check;
  }

  /**
   * Tells whether ten digits form a valid NHS number.
   *
   * @param digits the candidate, without spaces or hyphens
   * @return whether it is ten ASCII digits with a correct check digit
   */
  public static boolean isValid(String digits) {
    checkNotNull(digits, "digits must not be null");
    if (digits.length() != 10 || !isAsciiDigits(digits)) {
      return false;
    }
    return checkDigit(digits.substring(0, 9)) == digits.charAt(9) - '0';
  }

  private static boolean isAsciiDigits(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
