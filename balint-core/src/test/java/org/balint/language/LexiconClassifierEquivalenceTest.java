package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.junit.jupiter.api.Test;

/**
 * The optimised classifier and matcher give exactly what version 0.1 gave, but for words that only
 * share a hash with a lexicon word ({@link ReferenceClassifier}, {@link ReferencePhraseMatcher}):
 * the same kind and the same cues for every
 * labelled sentence and for thousands of generated texts, and the same matches in the same order
 * for random lexicons.
 */
class LexiconClassifierEquivalenceTest {
  private static final LexiconClassifier FAST = LexiconClassifier.standard();
  private static final Lexicon LEXICON = standardLexicon();
  private static final ReferenceClassifier REFERENCE = new ReferenceClassifier(LEXICON);

  private static final ImmutableList<String> CORPORA =
      ImmutableList.of(LabelledCorpus.DEVELOPMENT, LabelledCorpus.HELD_OUT,
          LabelledCorpus.HELD_OUT_2, LabelledCorpus.HELD_OUT_3, LabelledCorpus.HELD_OUT_4,
          LabelledCorpus.HELD_OUT_5);

  /** Separators and marks that go between generated pieces, including the folded ones. */
  private static final ImmutableList<String> GLUE =
      ImmutableList.of(" ", " ", " ", "  ", "-", "\u2013", ", ", ". ", "? ", "'", "\u2019", "\"",
          "\n", "", "s ", "ing ", "'s ", "\u00e9", "&", "x");

  private static Lexicon standardLexicon() {
    return lexicon(LexiconClassifier.STANDARD_LEXICON);
  }

  private static Lexicon lexicon(String resource) {
    try (Reader in = new InputStreamReader(
        LexiconClassifier.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
      return Lexicon.parse(in, resource);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The standard lexicon's phrases as written, without stars: texts made of them nest matches. */
  private static final ImmutableList<String> PHRASES = phrases();

  private static ImmutableList<String> phrases() {
    ImmutableList.Builder<String> phrases = ImmutableList.builder();
    for (Lexicon.Entry entry : LEXICON.entries) {
      String phrase = entry.name.substring(entry.name.indexOf(':') + 1);
      phrases.add(phrase.endsWith("*") ? phrase.substring(0, phrase.length() - 1) : phrase);
    }
    return phrases.build();
  }

  private static void assertSame(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    // The reference gives no confidence: the kinds and cues must agree.
    assertEquals(
        REFERENCE.classify(text, phase, role),
        FAST.classify(text, phase, role).withConfidence(1.0),
        () -> "for " + phase + " " + role + ": " + text);
  }

  private static void assertSameForEveryContext(String text) {
    List<Optional<Phase>> phases = new ArrayList<>();
    phases.add(Optional.empty());
    for (Phase phase : Phase.values()) {
      phases.add(Optional.of(phase));
    }
    List<Optional<SpeakerRole>> roles = new ArrayList<>();
    roles.add(Optional.empty());
    for (SpeakerRole role : SpeakerRole.values()) {
      roles.add(Optional.of(role));
    }
    for (Optional<Phase> phase : phases) {
      for (Optional<SpeakerRole> role : roles) {
        assertSame(text, phase, role);
      }
    }
  }

  @Test
  void classify_everyLabelledSentenceInEveryContext_sameAsReference() {
    int sentences = 0;
    for (String corpus : CORPORA) {
      for (LabelledContribution example : LabelledCorpus.load(corpus)) {
        assertSame(example.text(), example.phase(), example.role());
        assertSameForEveryContext(example.text());
        assertSameForEveryContext(example.text().toUpperCase(java.util.Locale.ROOT));
        sentences++;
      }
    }
    assertTrue(sentences >= 600, "only " + sentences + " labelled sentences");
  }

  @Test
  void classify_fittedModel_everyLabelledSentence_sameAsReference() {
    ReferenceClassifier reference =
        new ReferenceClassifier(lexicon(LexiconClassifier.FITTED_LEXICON));
    List<String> corpora = new ArrayList<>(CORPORA);
    for (int set = 1; set <= LabelledCorpus.BLIND_SETS; set++) {
      corpora.add(LabelledCorpus.blind(set));
    }
    int sentences = 0;
    for (String corpus : corpora) {
      for (LabelledContribution example : LabelledCorpus.load(corpus)) {
        // The Greek letter sends the text down the general path, which starts after the start
        // mark as the fast path does.
        for (String text : List.of(example.text(), example.text().toUpperCase(Locale.ROOT),
            example.text() + " \u03b1")) {
          // The classifier shows as cues only the phrases that weigh most for the kind decided,
          // a subset of the reference's.
          Classification expected = reference.classify(text, example.phase(), example.role());
          Classification actual =
              LexiconClassifier.fitted().classify(text, example.phase(), example.role());
          assertEquals(expected.kind(), actual.kind(), text);
          assertTrue(expected.cues().containsAll(actual.cues()), text);
        }
        sentences++;
      }
    }
    assertTrue(sentences >= 2000, "only " + sentences + " labelled sentences");
  }

  @Test
  void classify_textsOfLexiconPhrases_sameAsReference() {
    qt().withExamples(4000)
        .forAll(
            lists().of(arbitrary().pick(PHRASES)).ofSizeBetween(0, 12),
            lists().of(arbitrary().pick(GLUE)).ofSize(12),
            arbitrary().enumValues(Phase.class),
            arbitrary().enumValues(SpeakerRole.class))
        .checkAssert(
            (pieces, glue, phase, role) -> {
              StringBuilder text = new StringBuilder();
              for (int i = 0; i < pieces.size(); i++) {
                text.append(i % 3 == 0 ? pieces.get(i).toUpperCase(java.util.Locale.ROOT)
                    : pieces.get(i)).append(glue.get(i));
              }
              assertSame(text.toString(), Optional.of(phase), Optional.of(role));
              assertSame(text.toString(), Optional.empty(), Optional.empty());
            });
  }

  @Test
  void scan_latin1AndGeneralPaths_findTheSameMatches() {
    // A CJK word at the end sends a text down the general path, character by character, and adds
    // no match; without it, a Latin-1 text takes the fast path. Both must find the same matches.
    qt().withExamples(2000)
        .forAll(
            lists().of(arbitrary().pick(PHRASES)).ofSizeBetween(0, 14),
            lists().of(arbitrary().pick(GLUE)).ofSize(14))
        .checkAssert(
            (pieces, glue) -> {
              StringBuilder text = new StringBuilder();
              for (int i = 0; i < pieces.size(); i++) {
                text.append(i % 2 == 0 ? pieces.get(i).toUpperCase(java.util.Locale.ROOT)
                    : pieces.get(i)).append(glue.get(i));
              }
              String latin1 = text.toString();
              assertEquals(matches(latin1), matches(latin1 + " \u4e00"), latin1);
            });
  }

  private static List<List<Integer>> matches(String text) {
    List<List<Integer>> found = new ArrayList<>();
    MATCHER.scan(text, (phrase, start, end) -> found.add(ImmutableList.of(phrase, start, end)));
    return found;
  }

  private static final PhraseMatcher MATCHER = standardMatcher();

  private static PhraseMatcher standardMatcher() {
    List<PhraseMatcher.Phrase> phrases = new ArrayList<>();
    for (Lexicon.Entry entry : LEXICON.entries) {
      phrases.add(entry.phrase);
    }
    return PhraseMatcher.compile(phrases);
  }

  @Test
  void classify_wordsThatShareAHashWithALexiconWord_notTakenForIt() {
    // U+36E9 hashes like "mi" and passes the first/last/length filter like "i"; "ms\u00e9" hashes
    // like "mri". Version 0.1 took them for those words; now a hash is checked against the word.
    assertSameForEveryContext("!!!!\u36e9");
    assertSameForEveryContext("l\u00e9 mi i \u36e9 \u36e9\u36e9");
    assertSameForEveryContext("in my opinion my ms\u00e9");
    for (String text : ImmutableList.of("\u36e9", "was it an \u36e9", "an ms\u00e9 scan",
        "an MS\u00c9 scan")) {
      for (Cue cue : FAST.classify(text, Optional.empty(), Optional.empty()).cues()) {
        assertTrue(!cue.name().endsWith(":mi") && !cue.name().contains(":mri"), cue::toString);
      }
    }
    assertEquals("clinical.investigation:mri", FAST.classify("an MRI", Optional.empty(),
        Optional.empty()).cues().get(0).name());
    assertEquals("clinical.test-name:mri scan", FAST.classify("an MRI scan", Optional.empty(),
        Optional.empty()).cues().get(0).name());
  }

  @Test
  void classify_arbitraryTexts_sameAsReference() {
    qt().withExamples(3000)
        .forAll(strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 300),
            arbitrary().enumValues(Phase.class))
        .checkAssert((text, phase) -> assertSame(text, Optional.of(phase), Optional.empty()));
  }

  @Test
  void scan_fromTheStateAfterAMark_findsWhatAScanOfTheMarkAndTheTextFinds() {
    // Random lexicons whose phrases may start with the mark, and texts on both paths (the Greek
    // letter sends a text down the general path): a scan that starts after the mark finds what
    // the reference finds in the mark, a space and the text, a match over the mark from 0.
    ImmutableList<String> vocabulary = ImmutableList.of("\u00b6", "a", "ab", "abc", "?", "b'c");
    qt().withExamples(1500)
        .forAll(integers().between(1, 20), integers().all(),
            lists().of(arbitrary().pick(ImmutableList.of("a", "ab", "abc", "abcd", "?", "b'c",
                " ", " ", "-", ", ", "\u00b6", "\u03b1", "A"))).ofSizeBetween(0, 30))
        .checkAssert(
            (size, seed, pieces) -> {
              RandomLexicon lexicon = new RandomLexicon(seed, size, vocabulary, 3, false);
              String text = String.join("", pieces);
              List<String> expected = new ArrayList<>();
              ReferencePhraseMatcher.compile(lexicon.reference).scan("\u00b6 " + text,
                  (p, start, end) -> expected.add(
                      p + "@" + Math.max(0, start - 2) + "-" + (end - 2)));
              List<String> actual = new ArrayList<>();
              PhraseMatcher matcher = PhraseMatcher.compile(lexicon.phrases);
              matcher.scan(text, matcher.stateAfter("\u00b6"),
                  (p, start, end) -> actual.add(p + "@" + start + "-" + end));
              assertEquals(expected, actual, () -> size + " phrases, text " + text);
            });
  }

  @Test
  void stateAfter_aWordOrAMarkThatIsAPhrase_isRefused() {
    PhraseMatcher matcher = PhraseMatcher.compile(ImmutableList.of(
        new PhraseMatcher.Phrase(ImmutableList.of("?"), false),
        new PhraseMatcher.Phrase(ImmutableList.of("\u00b6", "a"), false)));

    assertThrows(IllegalArgumentException.class, () -> matcher.stateAfter("a"));
    assertThrows(IllegalArgumentException.class, () -> matcher.stateAfter("\u00b6\u00b6"));
    assertThrows(IllegalArgumentException.class, () -> matcher.stateAfter("?"));
    assertEquals(0, matcher.stateAfter("!"), "a mark no phrase starts with leaves the start state");
    assertTrue(matcher.stateAfter(" \u00b6 ") > 0, "separators around the mark are ignored");
  }

  /** A random lexicon over a small vocabulary, for the matcher and for the reference alike. */
  private static final class RandomLexicon {
    final List<PhraseMatcher.Phrase> phrases = new ArrayList<>();
    final List<ReferencePhraseMatcher.Phrase> reference = new ArrayList<>();

    /**
     * Phrases of 1 to {@code longest} tokens; with {@code stems}, a last word of 3 letters or more
     * is a stem one time in three. A phrase that is only the mark \u00b6, which would be found in
     * every text scanned after it, gets an "a" after it.
     */
    RandomLexicon(int seed, int size, List<String> vocabulary, int longest, boolean stems) {
      Random random = new Random(seed);
      for (int p = 0; p < size; p++) {
        List<String> tokens = new ArrayList<>();
        int length = 1 + random.nextInt(longest);
        for (int t = 0; t < length; t++) {
          tokens.add(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        if (tokens.equals(List.of("\u00b6"))) {
          tokens.add("a");
        }
        String last = tokens.get(tokens.size() - 1);
        boolean stem = stems && last.length() >= 3 && PhraseMatcher.isWord(last)
            && random.nextInt(3) == 0;
        phrases.add(new PhraseMatcher.Phrase(tokens, stem));
        reference.add(new ReferencePhraseMatcher.Phrase(tokens, stem));
      }
    }
  }

  /** Phrases over a tiny vocabulary, so that random lexicons share prefixes and suffixes. */
  private static final ImmutableList<String> VOCABULARY =
      ImmutableList.of("a", "b", "ab", "abc", "abcd", "?", "b'c", "x&y");

  @Test
  void scan_randomLexicons_sameMatchesInSameOrderAsReference() {
    qt().withExamples(1500)
        .forAll(integers().between(1, 30), integers().all(),
            lists().of(arbitrary().pick(ImmutableList.of("a", "b", "ab", "abc", "abcd", "abcde",
                "?", "b'c", "x&y", "A", "AB", " ", " ", "-", ", ", "'", "q"))).ofSizeBetween(0, 40))
        .checkAssert(
            (size, seed, pieces) -> {
              RandomLexicon lexicon = new RandomLexicon(seed, size, VOCABULARY, 4, true);
              String text = String.join("", pieces);
              List<String> expected = new ArrayList<>();
              ReferencePhraseMatcher.compile(lexicon.reference)
                  .scan(text, (p, start, end) -> expected.add(p + "@" + start + "-" + end));
              List<String> actual = new ArrayList<>();
              PhraseMatcher.compile(lexicon.phrases)
                  .scan(text, (p, start, end) -> actual.add(p + "@" + start + "-" + end));
              assertEquals(expected, actual, () -> size + " phrases, text " + text);
            });
  }
}
