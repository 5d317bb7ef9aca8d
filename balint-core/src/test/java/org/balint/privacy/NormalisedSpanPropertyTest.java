package org.balint.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spans map back to the original text: with invisible characters inserted inside an identifier, its
 * spaces and dashes swapped for other kinds and its digits made full-width, the identifier is found
 * with the span it has in the mutated text, and that span of the text, normalised, is the
 * identifier as written tidily.
 */
class NormalisedSpanPropertyTest {
  /** Where an identifier stands: what introduces it, itself, and its type. */
  private record Case(String before, String identifier, IdentifierType type) {}

  private static final List<Case> CASES =
      List.of(
          new Case("Her NHS number is ", "943 476 5919", IdentifierType.NHS_NUMBER),
          new Case("The band read ", "943-476-5919", IdentifierType.NHS_NUMBER),
          new Case("DOB ", "12/03/1961", IdentifierType.DATE_OF_BIRTH),
          new Case("She was born on ", "3 March 1961", IdentifierType.DATE_OF_BIRTH),
          new Case("Ring ", "020 7946 0958", IdentifierType.PHONE),
          new Case("Mobile ", "+44 7700 900123", IdentifierType.PHONE),
          new Case("Email ", "jane.smith@gmail.com", IdentifierType.EMAIL),
          new Case("She lives in ", "LS6 2AB", IdentifierType.POSTCODE),
          new Case("I saw ", "Mrs Jane Smith", IdentifierType.NAME),
          new Case("I saw ", "Mr John Smith-Jones", IdentifierType.NAME),
          new Case("Hospital No. ", "K 123 456", IdentifierType.RECORD_NUMBER),
          new Case("She lives at ", "14 Acacia Avenue", IdentifierType.ADDRESS));

  private static final String INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad";
  private static final List<String> SPACES =
      List.of(" ", "\u00a0", "\u202f", "\u2009", "\u2007", "\u3000", "\t", "  ");
  private static final String DASHES = "-\u2010\u2011\u2013\u2212";

  /**
   * Rewrites an identifier as a careless typist or a copy from a web page would, each choice taken
   * from the next of the given numbers.
   */
  private static String mutate(String identifier, List<Integer> choices) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < identifier.length(); i++) {
      int choice = choices.get(next++ % choices.size());
      char c = identifier.charAt(i);
      if (c == ' ') {
        out.append(SPACES.get(choice % SPACES.size()));
      } else if (c == '-') {
        out.append(DASHES.charAt(choice % DASHES.length()));
      } else if (c >= '0' && c <= '9' && choice % 3 == 0) {
        out.append((char) (c - '0' + '\uff10'));
      } else {
        out.append(c);
      }
      if (i + 1 < identifier.length() && choice % 4 == 1) {
        out.append(INVISIBLE.charAt(choice / 4 % INVISIBLE.length()));
      }
    }
    return out.toString();
  }

  @Test
  void detect_mutatedIdentifier_isFoundWithItsSpanInTheOriginal() {
    qt().forAll(
            integers().between(0, CASES.size() - 1),
            lists().of(integers().between(0, 1000)).ofSizeBetween(1, 30))
        .checkAssert(
            (index, choices) -> {
              Case c = CASES.get(index);
              String written = mutate(c.identifier(), choices);
              String text = c.before() + written + " on Monday.";
              ImmutableList<Identifier> found = IdentifierDetector.standard().detect(text);
              assertEquals(1, found.size(), () -> text + " -> " + found);
              Identifier identifier = found.get(0);
              assertEquals(c.type(), identifier.type(), text);
              assertEquals(c.before().length(), identifier.start(), text);
              assertEquals(c.before().length() + written.length(), identifier.end(), text);
              assertEquals(
                  c.identifier(),
                  NormalisedText.of(text.substring(identifier.start(), identifier.end())).view(),
                  text);
            });
  }
}
