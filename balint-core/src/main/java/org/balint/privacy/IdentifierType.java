package org.balint.privacy;

/** The types of patient identifier the library detects, each with its redaction placeholder. */
public enum IdentifierType {
  /** An NHS number: ten digits with a valid modulus-11 check digit. */
  NHS_NUMBER("[NHS-NUMBER]"),
  /** A date introduced as a date of birth. */
  DATE_OF_BIRTH("[DATE-OF-BIRTH]"),
  /** A UK landline or mobile number. */
  PHONE("[PHONE]"),
  /** An email address. */
  EMAIL("[EMAIL]"),
  /** A UK postcode. */
  POSTCODE("[POSTCODE]"),
  /** A titled full name, such as "Mrs Jane Smith". */
  NAME("[NAME]"),
  /** A hospital or record number introduced as one. */
  RECORD_NUMBER("[RECORD-NUMBER]"),
  /** A street address with a house number. */
  ADDRESS("[ADDRESS]");

  private final String placeholder;

  IdentifierType(String placeholder) {
    this.placeholder = placeholder;
  }

  /**
   * The typed placeholder that replaces an identifier of this type in redacted text.
   *
   * @return the placeholder, such as {@code [NHS-NUMBER]}
   */
  public String placeholder() {
    return placeholder;
  }
}
