package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Identifiers written carelessly (odd spacing and punctuation, lower and upper case, no-break,
 * zero-width and full-width characters) are redacted like tidy ones, and the near-misses around
 * them are left alone. Texts are given with {@code \\uXXXX} escapes for the invisible characters.
 */
class SloppyIdentifierTest {
  private static final Redactor REDACTOR = Redactor.standard();

  /** Turns the {@code \\uXXXX} escapes of a test's source text into the characters. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NHS number 943.476.5919 | NHS number [NHS-NUMBER]",
        "94347 65919 | [NHS-NUMBER]",
        "nhs no.9434765919 | nhs no.[NHS-NUMBER]",
        "DOB12/03/1961 | DOB[DATE-OF-BIRTH]",
        "born 12-Mar-1961 | born [DATE-OF-BIRTH]",
        "tel.020.7946.0958 | tel.[PHONE]",
        "LS6-2AB | [POSTCODE]",
        "mrs jane smith | [NAME]",
        "'Smith, Mrs Jane' | [NAME]",
        "Mrs Jane SMITH | [NAME]",
        "Hospital No. K 123 456 | Hospital No. [RECORD-NUMBER]",
        "jane.smith @ gmail.com | [EMAIL]",
        "jane.smith[at]gmail.com | [EMAIL]",
        "NHS number 943\\u00a0476\\u00a05919 | NHS number [NHS-NUMBER]",
        "NHS number 943\\u200b476\\u200b5919. | NHS number [NHS-NUMBER].",
        "NHS number \\uff19\\uff14\\uff13 \\uff14\\uff17\\uff16 \\uff15\\uff19\\uff11\\uff19 | NHS number [NHS-NUMBER]",
        "DOB\\u00a012\\u201303\\u20131961 on the form | DOB\\u00a0[DATE-OF-BIRTH] on the form",
        "call 07700\\u202f900\\u202f123 after six | call [PHONE] after six",
        "Mrs\\u00a0Jane\\u200b Smith rang | [NAME] rang",
        "at 14\\u00a0Acacia  Avenue, LS6\\u00ad 2AB | at [ADDRESS], [POSTCODE]",
        "MRS JANE SMITH, DOB 12 MARCH 1961 | [NAME], DOB [DATE-OF-BIRTH]",
        "jane.smith\\uff20gmail.com | [EMAIL]",
        "DOB 12 / 03 / 1961 | DOB [DATE-OF-BIRTH]",
        "NHS number is 9434 765 919 | NHS number is [NHS-NUMBER]",
        "Flat 2, 14 acacia ave | [ADDRESS]",
        "Hospital number: RXH 123 4567 | Hospital number: [RECORD-NUMBER]",
      })
  void redact_sloppyIdentifier_isReplacedByItsPlaceholder(String text, String redacted) {
    assertEquals(unescape(redacted), REDACTOR.redact(unescape(text)).text());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NHS number 943.476.5919 | 11 | 23",
        "nhs no.9434765919 | 7 | 17",
        "NHS number 943\\u200b476\\u200b5919. | 11 | 23",
        "\\u200bSmith, Mrs Jane\\u200b | 1 | 16",
        "DOB\\u00a0\\u00a012/03/1961 | 5 | 15",
      })
  void detect_sloppyIdentifier_spanIndexesTheOriginalText(String text, int start, int end) {
    ImmutableList<Identifier> found = IdentifierDetector.standard().detect(unescape(text));
    assertEquals(1, found.size(), () -> text + " -> " + found);
    assertEquals(start, found.get(0).start(), text);
    assertEquals(end, found.get(0).end(), text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "She takes 5 mg of amlodipine.",
        "She takes 5\\u00a0mg twice a day.",
        "\\uff15 mg in full width",
        "Appointment at 10:30.",
        "CLINIC AT 09:00, ROUND AT 11.15",
        "Aged 61, lives alone.",
        "AGED\\u00a061",
        "Born in 1961.",
        "born in\\u00a01961 in Leeds",
        "She was on ward 23.",
        "WARD 23, BED 4",
        "the number 73 bus",
        "THE NUMBER 73 BUS",
        "We watched Dr Who.",
        "DR WHO WAS ON",
        "dr who was on",
        "The Mr Men books.",
        "the mr men books",
        "the dr said she was fine",
        "pt seen by dr on call",
        "Call the US office on +1 212 555 0123.",
        "Paris: +33 1 23 45 67 89",
        "The number 943 476 5910 fails the check.",
        "NHS number 943.476.5910 is wrong",
        "nhs no. \\uff19\\uff14\\uff13\\uff14\\uff17\\uff16\\uff15\\uff19\\uff11\\uff10",
        "He walked 3 miles down the road.",
        "meet @ the clinic at 10",
        "Vitamin B12 low.",
        "COVID\\u201319 booster",
        "seen on 12/03/2021 in clinic",
        "Miss Havisham, in her dress.",
        "mr and mrs came in together",
        "mrs was waiting outside",
        "bleep 4521",
        "dr increased dose to 10mg",
        "mr lives alone",
        "the 12.30 from Leeds",
        "seen 12 / 03 / 2021 by dr",
      })
  void redact_nearMiss_isLeftAlone(String text) {
    String original = unescape(text);
    assertEquals(original, REDACTOR.redact(original).text());
  }
}
