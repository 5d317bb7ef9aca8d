package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PhraseTrieTest {
  private static final ImmutableList<String> PHRASES =
      ImmutableList.of(
          "he",
          "she",
          "i wonder",
          "wonder",
          "i wonder if",
          "?",
          "test*",
          "testi*",
          "blood test*",
          "blood test",
          "i'd",
          "x ray",
          "a&e",
          "¶ she",
          "she",
          "if ?");

  private static final PhraseTrie TRIE = trie(null);
  private static final PhraseTrie STARTING_WITH_MARK = trie("¶");

  private static PhraseTrie trie(@Nullable String startMark) {
    return new PhraseTrie(phrases(), startMark);
  }

  private static List<PhraseTrie.Phrase> phrases() {
    List<PhraseTrie.Phrase> phrases = new ArrayList<>();
    for (String phrase : PHRASES) {
      boolean stem = phrase.endsWith("*");
      phrases.add(
          new PhraseTrie.Phrase(
              PhraseTrie.tokens(stem ? phrase.substring(0, phrase.length() - 1) : phrase), stem));
    }
    return phrases;
  }

  /** Every match as "phrase@[start,end)", in the order found. */
  private static List<String> find(PhraseTrie trie, String text) {
    List<String> found = new ArrayList<>();
    for (PhraseTrie.Match match : trie.find(text)) {
      found.add(PHRASES.get(match.phrase) + "@[" + match.start + "," + match.end + ")");
    }
    return found;
  }

  @Test
  void tokens_foldsAndSplitsLikeAScan() {
    assertEquals(ImmutableList.of("i'd", "x", "ray", "?"), PhraseTrie.tokens("I’d X-ray?"));
    assertEquals(ImmutableList.of("darling", ","), PhraseTrie.tokens("'darling',"));
    assertEquals(ImmutableList.of("a&e"), PhraseTrie.tokens("A&E"));
    assertEquals(ImmutableList.of("überweisung"), PhraseTrie.tokens("Überweisung"));
    assertEquals(ImmutableList.of(), PhraseTrie.tokens(" - “” \u2014 "));
  }

  @Test
  void find_overlappingPhrases_byEndThenStart() {
    assertEquals(
        ImmutableList.of(
            "i wonder@[0,8)",
            "wonder@[2,8)",
            "i wonder if@[0,11)",
            "she@[12,15)",
            "she@[12,15)",
            "?@[15,16)"),
        find(TRIE, "I wonder if she? Shed wonders"));
  }

  @Test
  void find_stemMatchesWordsThatStartWithIt_shortestStemFirst() {
    assertEquals(ImmutableList.of("blood test*@[0,11)", "test*@[6,11)"), find(TRIE, "Blood tests"));
    assertEquals(
        ImmutableList.of("blood test*@[0,10)", "blood test@[0,10)", "test*@[6,10)"),
        find(TRIE, "blood test"));
    assertEquals(ImmutableList.of("test*@[4,13)", "testi*@[4,13)"), find(TRIE, "tes testimony"));
  }

  @Test
  void find_punctuationBreaksAPhraseButDashesAndQuotesDoNot() {
    assertEquals(ImmutableList.of("x ray@[0,5)"), find(TRIE, "X-ray"));
    assertEquals(ImmutableList.of("wonder@[3,9)"), find(TRIE, "I, wonder"));
    assertEquals(ImmutableList.of("i'd@[1,4)", "he@[6,8)"), find(TRIE, "'I’d' he"));
    assertEquals(ImmutableList.of("he@[2,4)"), find(TRIE, "\uD83D\uDE00he"));
  }

  @Test
  void find_withAStartMark_phraseOfTheMarkMatchesOnlyAtTheStart() {
    assertEquals(
        ImmutableList.of("¶ she@[0,3)", "she@[0,3)", "she@[0,3)", "she@[4,7)", "she@[4,7)"),
        find(STARTING_WITH_MARK, "She she"));
    assertEquals(ImmutableList.of("¶ she@[0,4)", "she@[1,4)", "she@[1,4)"), find(TRIE, "¶she"));
    assertEquals(ImmutableList.of("she@[2,5)", "she@[2,5)"), find(STARTING_WITH_MARK, ", she"));
    assertEquals(
        ImmutableList.of("¶ she@[0,4)", "she@[1,4)", "she@[1,4)"),
        find(STARTING_WITH_MARK, " she"));
  }

  @Test
  void new_stemOfTwoLetters_throws() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PhraseTrie(
                ImmutableList.of(new PhraseTrie.Phrase(ImmutableList.of("ab"), true)), null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PhraseTrie(
                ImmutableList.of(new PhraseTrie.Phrase(ImmutableList.of(), false)), null));
  }

  @Test
  void find_anyTextOfPhraseWords_sameMatchesAsASearchOfTheTokenList() {
    qt().forAll(
            lists()
                .of(
                    arbitrary()
                        .pick(
                            "he",
                            "she",
                            "I",
                            "wonder",
                            "if",
                            "?",
                            "test",
                            "tests",
                            "Testimony",
                            "blood",
                            " ",
                            " ",
                            ", ",
                            "-",
                            "x",
                            "ray",
                            "I'd",
                            "I’d",
                            "a&e",
                            "Shed",
                            "¶",
                            "é",
                            "'",
                            "\n"))
                .ofSizeBetween(0, 40),
            arbitrary().pick(false, true))
        .checkAssert(
            (pieces, marked) -> {
              String text = String.join("", pieces);
              List<PhraseTrie.Match> found = (marked ? STARTING_WITH_MARK : TRIE).find(text);
              for (int i = 1; i < found.size(); i++) {
                PhraseTrie.Match before = found.get(i - 1);
                PhraseTrie.Match match = found.get(i);
                assertTrue(
                    before.end < match.end
                        || (before.end == match.end && before.start <= match.start),
                    "out of order in " + text);
              }
              assertEquals(sorted(oracle(text, marked)), sorted(strings(found)), text);
            });
  }

  /**
   * The obvious search: the text's tokens by a regular expression, and every phrase tried at every
   * token.
   */
  private static List<String> oracle(String text, boolean marked) {
    List<String> tokens = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    if (marked) {
      tokens.add("¶");
      spans.add(new int[] {0, 0});
    }
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      tokens.add(token.group().replace('’', '\'').toLowerCase(Locale.ROOT));
      spans.add(new int[] {token.start(), token.end()});
    }
    List<String> found = new ArrayList<>();
    List<PhraseTrie.Phrase> phrases = phrases();
    for (int p = 0; p < phrases.size(); p++) {
      List<String> words = phrases.get(p).tokens;
      for (int at = 0; at + words.size() <= tokens.size(); at++) {
        List<String> window = tokens.subList(at, at + words.size());
        int last = words.size() - 1;
        boolean matches =
            window.subList(0, last).equals(words.subList(0, last))
                && (phrases.get(p).stem
                    ? window.get(last).startsWith(words.get(last))
                    : window.get(last).equals(words.get(last)));
        if (matches && !(marked && at + last == 0)) {
          found.add(p + "@" + spans.get(at)[0] + "," + spans.get(at + last)[1]);
        }
      }
    }
    return found;
  }

  /** A word (with apostrophes inside it) or any one other visible character but a separator. */
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}&]+(?:['’][\\p{L}\\p{N}&]+)*|[^\\s\\p{L}\\p{N}&'’\\-]");

  private static List<String> strings(List<PhraseTrie.Match> found) {
    List<String> strings = new ArrayList<>();
    for (PhraseTrie.Match match : found) {
      strings.add(match.phrase + "@" + match.start + "," + match.end);
    }
    return strings;
  }

  private static List<String> sorted(List<String> matches) {
    List<String> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.naturalOrder());
    return sorted;
  }
}
