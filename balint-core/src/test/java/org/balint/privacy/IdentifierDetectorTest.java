package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierDetectorTest {
  private final IdentifierDetector detector = IdentifierDetector.standard();

  /** The one identifier found in a text, which must be exactly one. */
  private Identifier only(String text) {
    ImmutableList<Identifier> found = detector.detect(text);
    assertEquals(
        1, found.size(), () -> "expected one identifier in '" + text + "' but got " + found);
    return found.get(0);
  }

  private void assertOnly(String text, IdentifierType type, String span) {
    Identifier identifier = only(text);
    assertEquals(type, identifier.type(), text);
    assertEquals(span, identifier.text(), text);
    assertEquals(text.indexOf(span), identifier.start(), text);
    assertEquals(text.indexOf(span) + span.length(), identifier.end(), text);
  }

  private void assertNothing(String text) {
    assertEquals(ImmutableList.of(), detector.detect(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"943 476 5919", "9434765919", "943-476-5919"})
  void detect_validNhsNumberInEachFormat_isFoundWithExactSpan(String number) {
    assertOnly("Her number was " + number + " on the letter.", IdentifierType.NHS_NUMBER, number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"943 476 5918", "9434765910", "943-476-5911", "1234567890"})
  void detect_nhsNumberWithWrongCheckDigit_isNotFound(String number) {
    assertNothing("Her number was " + number + " on the letter.");
  }

  @Test
  void detect_mixedSeparators_isNotAnNhsNumber() {
    assertNothing("The code 943 476-5919 was a misprint.");
  }

  @Test
  void detect_dateOfBirth_spanExcludesIntroducer() {
    assertOnly("Her DOB is 12/03/1961, she said.", IdentifierType.DATE_OF_BIRTH, "12/03/1961");
    assertOnly("D.O.B. 12.03.61 on the form.", IdentifierType.DATE_OF_BIRTH, "12.03.61");
    assertOnly("She was born on 3 March 1961.", IdentifierType.DATE_OF_BIRTH, "3 March 1961");
    assertOnly(
        "born on March 3rd, 1961 apparently", IdentifierType.DATE_OF_BIRTH, "March 3rd, 1961");
    assertOnly("date of birth: 1961-03-12", IdentifierType.DATE_OF_BIRTH, "1961-03-12");
    assertOnly("dob: 3/3/61", IdentifierType.DATE_OF_BIRTH, "3/3/61");
    assertOnly(
        "She was born on the fourth of July nineteen sixty.",
        IdentifierType.DATE_OF_BIRTH,
        "fourth of July nineteen sixty");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "On 3 March she came back.",
        "The letter dated 14/02/2024 was about money.",
        "She was born in 1961.",
        "She was born in Nigeria.",
        "In 1998 she lost a baby."
      })
  void detect_dateNotIntroducedAsBirth_isNotFound(String text) {
    assertNothing(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "020 7946 0958", "(020) 7946 0958", "+44 (0)20 7946 0958", "07700 900123",
            "+44 7700 900123",
        "01632 960001", "0161 496 0000", "0044 161 496 0000", "07700900123", "0300 123 4567"
      })
  void detect_ukPhoneNumber_isFoundWithExactSpan(String phone) {
    assertOnly("You can ring " + phone + " after six.", IdentifierType.PHONE, phone);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+1 415 555 0132",
        "+33 1 42 68 53 00",
        "0033 1 42 68 53 00",
        "999",
        "111",
        "0161 496"
      })
  void detect_numberThatIsNotAUkPhone_isNotFound(String number) {
    assertNothing("She gave " + number + " as a contact.");
  }

  @Test
  void detect_phoneFollowedByACount_endsAtTheNumber() {
    assertOnly("Ring 07700 900123 2 times a day.", IdentifierType.PHONE, "07700 900123");
  }

  @Test
  void detect_email_isFoundWrittenOrSpoken() {
    assertOnly("Write to jane.smith@nhs.net.", IdentifierType.EMAIL, "jane.smith@nhs.net");
    assertOnly(
        "Email jane dot smith at gmail dot com please.",
        IdentifierType.EMAIL,
        "jane dot smith at gmail dot com");
    assertNothing("He looked at nhs dot net and sighed.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LS6 2AB",
        "M1 1AE",
        "B33 8TH",
        "CR2 6XH",
        "DN55 1PT",
        "W1A 0AX",
        "EC1A 1BB",
        "SW1A1AA",
        "ls6 2ab",
        "GIR 0AA"
      })
  void detect_postcodeOfEveryOutwardShape_isFound(String postcode) {
    assertOnly("She lives at " + postcode + " now.", IdentifierType.POSTCODE, postcode);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "QA1 1AA", "VA1 1AA", "XA1 1AA", "AI1 1AA", "AJ1 1AA", "AZ1 1AA", "A1 1CA", "A1 1AI",
        "A1 1KA", "A1 1AM", "A1 1OA", "A1 1AV", "A1I 1AA", "AB1C 1AA", "LS6", "LS6 2A"
      })
  void detect_codeOutsideThePostcodeGrammar_isNotFound(String code) {
    assertNothing("She lives at " + code + " now.");
  }

  @Test
  void detect_titledFullName_spanIncludesTitle() {
    assertOnly("I saw Mrs Jane Smith today.", IdentifierType.NAME, "Mrs Jane Smith");
    assertOnly("Dr. A. Khan had seen her.", IdentifierType.NAME, "Dr. A. Khan");
    assertOnly("Her neighbour Mr John O'Neil spies.", IdentifierType.NAME, "Mr John O'Neil");
    assertOnly("Ms Mary-Jane Smith-Jones rang.", IdentifierType.NAME, "Ms Mary-Jane Smith-Jones");
    assertOnly("Like Professor Alan Turing said.", IdentifierType.NAME, "Professor Alan Turing");
    assertOnly("Sister Mary Brown was on.", IdentifierType.NAME, "Sister Mary Brown");
    assertOnly("Mr John Smith's wife came.", IdentifierType.NAME, "Mr John Smith");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "I felt like Dr Who.", "Mrs Smith came in again.", "It is what Dr Balint said.",
        "Mr and Mrs Smith came.", "I told Dr Jones I would.", "Mrs Khan Monday was hard.",
        "Dr Google told her."
      })
  void detect_titleWithoutAFullName_isNotFound(String text) {
    assertNothing(text);
  }

  @Test
  void detect_recordNumber_spanExcludesIntroducer() {
    assertOnly("Her MRN is RXX1234567.", IdentifierType.RECORD_NUMBER, "RXX1234567");
    assertOnly("Hospital number K123456, she said.", IdentifierType.RECORD_NUMBER, "K123456");
    assertOnly("unit number: A4456789", IdentifierType.RECORD_NUMBER, "A4456789");
    assertOnly("the case note number CN-0049921", IdentifierType.RECORD_NUMBER, "CN-0049921");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Unit number 7 was closed.",
        "RXX1234567 without an introducer.",
        "The MRN was missing."
      })
  void detect_recordNumberNotIntroducedOrTooShort_isNotFound(String text) {
    assertNothing(text);
  }

  @Test
  void detect_streetAddress_spanCoversFlatNumberAndStreet() {
    assertOnly("She lives at 14 Acacia Avenue.", IdentifierType.ADDRESS, "14 Acacia Avenue");
    assertOnly(
        "They moved to Flat 3, 22 Mill Lane.", IdentifierType.ADDRESS, "Flat 3, 22 Mill Lane");
    assertOnly("He said 221b Baker Street.", IdentifierType.ADDRESS, "221b Baker Street");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Chapter 3 Street Talk is good.",
        "Turn to Page 12 Mill Road.",
        "He was on Ward 7 Oak Lane.",
        "The Green Lane clinic is closing.",
        "She had 3 children."
      })
  void detect_numberThatIsNotAHouse_isNotAnAddress(String text) {
    assertNothing(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "She came at 10:30.",
        "I saw him at 3pm.",
        "She takes 20 mg.",
        "He was on 5ml.",
        "2.5 mg twice a day.",
        "A 43-year-old teacher.",
        "He is aged 67.",
        "Since 2019.",
        "Ward 7, room 12, bed 4, bay 3.",
        "10 appointments and 3 children.",
        "HbA1c 48.",
        "Potassium 5.2 and eGFR 59.",
        "BP 140/90.",
        "The number 73 bus.",
        "She gets the 25.",
        "Her B12 2nd injection.",
        "Page 12."
      })
  void detect_clinicalNumbersAndCounts_yieldNothing(String text) {
    assertNothing(text);
  }

  @Test
  void detect_overlappingCandidates_keepsOneIdentifierPerSpan() {
    // "161 496 0000" would be a ten-digit run, but it is part of the phone number around it.
    ImmutableList<Identifier> found = detector.detect("Ring +44 161 496 0000 or 0161 496 0000.");
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.stream().allMatch(i -> i.type() == IdentifierType.PHONE), found.toString());
  }

  @Test
  void detect_severalIdentifiers_areInOrderWithoutOverlap() {
    String text = "Mrs Ellen Hughes, DOB 14/02/1950, lives at 12 Park Lane, LS1 4DY.";
    ImmutableList<Identifier> found = detector.detect(text);
    assertEquals(
        ImmutableList.of(
            IdentifierType.NAME,
            IdentifierType.DATE_OF_BIRTH,
            IdentifierType.ADDRESS,
            IdentifierType.POSTCODE),
        found.stream().map(Identifier::type).collect(ImmutableList.toImmutableList()));
    for (int i = 1; i < found.size(); i++) {
      assertTrue(found.get(i - 1).end() <= found.get(i).start(), found.toString());
    }
  }

  @Test
  void detect_textWithSupplementaryCharacters_countsUtf16Units() {
    String text = "\uD83D\uDE22 she wrote from jane@example.com";
    Identifier email = only(text);
    assertEquals(text.indexOf("jane"), email.start());
    assertEquals(text.length(), email.end());
    assertEquals("jane@example.com", email.text());
  }

  @Test
  void detect_emptyText_yieldsNothing() {
    assertNothing("");
  }

  @Test
  void detect_null_throws() {
    assertThrows(NullPointerException.class, () -> detector.detect(null));
  }
}
