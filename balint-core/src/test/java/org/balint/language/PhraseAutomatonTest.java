package org.balint.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {
  private static final ImmutableList<String> PHRASES =
      ImmutableList.of("he", "she", "his", "hers", "i wonder", "wonder", "a", "aa", "?");

  /** Every occurrence as "phrase@start", found by the automaton. */
  private static List<String> scan(PhraseAutomaton automaton, String text) {
    List<String> found = new ArrayList<>();
    int state = PhraseAutomaton.root();
    for (int i = 0; i < text.length(); i++) {
      state = automaton.step(state, text.charAt(i));
      int output = automaton.firstOutput(state);
      for (int o = output; o >= 0 && automaton.phraseAt(o) >= 0; o++) {
        String phrase = PHRASES.get(automaton.phraseAt(o));
        found.add(phrase + "@" + (i + 1 - phrase.length()));
      }
    }
    Collections.sort(found);
    return found;
  }

  /** Every occurrence as "phrase@start", found naively. */
  private static List<String> naive(String text) {
    StringBuilder folded = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      folded.append(PhraseAutomaton.fold(text.charAt(i)));
    }
    List<String> found = new ArrayList<>();
    for (String phrase : PHRASES) {
      for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
        found.add(phrase + "@" + at);
      }
    }
    Collections.sort(found);
    return found;
  }

  @Test
  void step_findsOverlappingPhrases() {
    PhraseAutomaton automaton = PhraseAutomaton.compile(PHRASES);

    assertEquals(
        ImmutableList.of("he@1", "he@4", "hers@4", "she@0"), scan(automaton, "she hers"));
    assertEquals(
        ImmutableList.of("i wonder@0", "wonder@2"), scan(automaton, "I WONDER"));
  }

  @Test
  void fold_isOneToOne() {
    assertEquals('\'', PhraseAutomaton.fold('\u2019'));
    assertEquals(' ', PhraseAutomaton.fold('-'));
    assertEquals(' ', PhraseAutomaton.fold('\t'));
    assertEquals('é', PhraseAutomaton.fold('É'));
  }

  @Test
  void step_agreesWithNaiveSearch() {
    PhraseAutomaton automaton = PhraseAutomaton.compile(PHRASES);
    qt().forAll(
            lists()
                .of(arbitrary().pick("h", "e", "s", "i", "r", "a", " ", "wonder", "?", "-", "X"))
                .ofSizeBetween(0, 60))
        .checkAssert(
            pieces -> {
              String text = String.join("", pieces);
              assertEquals(naive(text), scan(automaton, text), text);
            });
  }
}
