package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
  private static final ImmutableList<String> PHRASES =
      ImmutableList.of("he", "she", "i wonder", "wonder", "i wonder if", "?", "test*",
          "blood test*", "i'd", "x ray", "a&e");

  private static final PhraseMatcher MATCHER = PhraseMatcher.compile(phrases());

  private static List<PhraseMatcher.Phrase> phrases() {
    List<PhraseMatcher.Phrase> phrases = new ArrayList<>();
    for (String phrase : PHRASES) {
      boolean stem = phrase.endsWith("*");
      phrases.add(new PhraseMatcher.Phrase(
          PhraseMatcher.tokens(stem ? phrase.substring(0, phrase.length() - 1) : phrase), stem));
    }
    return phrases;
  }

  /** Every match as "phrase@[start,end)", in the order reported. */
  private static List<String> scan(String text) {
    List<String> found = new ArrayList<>();
    MATCHER.scan(
        text, (p, start, end) -> found.add(PHRASES.get(p) + "@[" + start + "," + end + ")"));
    return found;
  }

  @Test
  void tokens_foldsAndSplitsLikeAScan() {
    assertEquals(ImmutableList.of("i'd", "x", "ray", "?"), PhraseMatcher.tokens("I’d X-ray?"));
    assertEquals(ImmutableList.of("darling", ","), PhraseMatcher.tokens("'darling',"));
    assertEquals(ImmutableList.of("a&e"), PhraseMatcher.tokens("A&E"));
  }

  @Test
  void scan_findsOverlappingPhrasesOnWholeWords() {
    assertEquals(
        ImmutableList.of(
            "i wonder@[0,8)", "wonder@[2,8)", "i wonder if@[0,11)", "she@[12,15)", "?@[15,16)"),
        scan("I wonder if she? Shed wonders"));
  }

  @Test
  void scan_stemMatchesWordsThatStartWithItAndCoversTheWholeWord() {
    assertEquals(ImmutableList.of("blood test*@[0,11)", "test*@[6,11)"), scan("Blood tests"));
    assertEquals(ImmutableList.of("test*@[4,13)"), scan("tes testimony"));
  }

  @Test
  void scan_punctuationBreaksAPhraseButDashesAndQuotesDoNot() {
    assertEquals(ImmutableList.of("x ray@[0,5)"), scan("X-ray"));
    assertEquals(ImmutableList.of("wonder@[3,9)"), scan("I, wonder"));
    assertEquals(ImmutableList.of("i'd@[1,4)", "he@[6,8)"), scan("'I’d' he"));
  }

  @Test
  void scan_agreesWithSlidingWindowOverTokens() {
    qt().forAll(
            lists()
                .of(arbitrary().pick("he", "she", "I", "wonder", "if", "?", "test", "tests",
                    "blood", " ", " ", ", ", "-", "x", "ray", "I'd", "a&e", "Shed"))
                .ofSizeBetween(0, 40))
        .checkAssert(
            pieces -> {
              String text = String.join("", pieces);
              List<String> tokens = PhraseMatcher.tokens(text);
              int expected = 0;
              for (PhraseMatcher.Phrase phrase : phrases()) {
                for (int at = 0; at + phrase.tokens.size() <= tokens.size(); at++) {
                  if (matches(phrase, tokens.subList(at, at + phrase.tokens.size()))) {
                    expected++;
                  }
                }
              }
              List<String> found = scan(text);
              assertEquals(expected, found.size(), text + " -> " + found);
              for (String match : found) {
                String phrase = match.substring(0, match.indexOf('@'));
                String[] span = match.substring(match.indexOf('[') + 1, match.length() - 1)
                    .split(",");
                String covered =
                    text.substring(Integer.parseInt(span[0]), Integer.parseInt(span[1]));
                PhraseMatcher.Phrase compiled = phrases().get(PHRASES.indexOf(phrase));
                assertTrue(
                    matches(compiled, PhraseMatcher.tokens(covered)), match + " in " + text);
              }
            });
  }

  private static boolean matches(PhraseMatcher.Phrase phrase, List<String> tokens) {
    if (tokens.size() != phrase.tokens.size()) {
      return false;
    }
    int last = tokens.size() - 1;
    for (int t = 0; t < last; t++) {
      if (!tokens.get(t).equals(phrase.tokens.get(t))) {
        return false;
      }
    }
    return phrase.stem
        ? tokens.get(last).startsWith(phrase.tokens.get(last))
        : tokens.get(last).equals(phrase.tokens.get(last));
  }
}
