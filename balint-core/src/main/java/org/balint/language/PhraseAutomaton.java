package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An Aho–Corasick automaton over folded characters, compiled to flat arrays: a full transition
 * table (goto and failure links merged), and for each state the phrases that end there.
 *
 * <p>Characters are folded one to one by {@link #fold(char)} (lower case, typographic apostrophes
 * to {@code '}, dashes to a space), so a match's span in the folded text is its span in the
 * original text. Only characters that occur in some phrase get their own column in the table;
 * every other character sends the automaton back to its root.
 */
final class PhraseAutomaton {
  private static final char[] FOLD = new char[Character.MAX_VALUE + 1];
  private static final boolean[] WORD = new boolean[Character.MAX_VALUE + 1];

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      char folded = Character.toLowerCase(ch);
      if (ch == '\u2019' || ch == '\u2018' || ch == '\u02bc' || ch == '`') {
        folded = '\'';
      } else if (ch == '-' || ch == '\u2010' || ch == '\u2011' || ch == '\u2013' || ch == '\u2014'
          || Character.isWhitespace(ch) || ch == '\u00a0') {
        folded = ' ';
      }
      FOLD[c] = folded;
      WORD[c] = Character.isLetterOrDigit(folded) || folded == '\'';
    }
  }

  /** The number of character classes: column 0 is every character no phrase contains. */
  private final int width;

  private final short[] classOf;
  private final int[] delta;
  private final int[] outStart;
  private final int[] outPhrases;

  private PhraseAutomaton(int width, short[] classOf, int[] delta, int[] outStart, int[] outPhrases) {
    this.width = width;
    this.classOf = classOf;
    this.delta = delta;
    this.outStart = outStart;
    this.outPhrases = outPhrases;
  }

  /**
   * Folds a character as the automaton sees it.
   *
   * @param c a character of a text or phrase
   * @return the folded character
   */
  static char fold(char c) {
    return FOLD[c];
  }

  /**
   * Tells whether a folded character belongs to a word (letters, digits and the apostrophe).
   *
   * @param folded a folded character
   * @return whether it continues a word
   */
  static boolean isWordChar(char folded) {
    return WORD[folded];
  }

  /**
   * Compiles an automaton that finds every occurrence of every phrase.
   *
   * @param phrases the folded phrases, each non-empty; phrase {@code i} is reported as {@code i}
   * @return the automaton
   */
  static PhraseAutomaton compile(List<String> phrases) {
    short[] classOf = new short[Character.MAX_VALUE + 1];
    int width = 1;
    for (String phrase : phrases) {
      checkArgument(!phrase.isEmpty(), "phrases must not be empty");
      for (int i = 0; i < phrase.length(); i++) {
        char c = phrase.charAt(i);
        if (classOf[c] == 0) {
          checkArgument(width < Short.MAX_VALUE, "too many distinct characters in the phrases");
          classOf[c] = (short) width++;
        }
      }
    }
    // The trie, as growable per-state transition rows.
    List<int[]> rows = new ArrayList<>();
    List<List<Integer>> outputs = new ArrayList<>();
    rows.add(newRow(width));
    outputs.add(new ArrayList<>());
    for (int p = 0; p < phrases.size(); p++) {
      String phrase = phrases.get(p);
      int state = 0;
      for (int i = 0; i < phrase.length(); i++) {
        int column = classOf[phrase.charAt(i)];
        int next = rows.get(state)[column];
        if (next < 0) {
          next = rows.size();
          rows.add(newRow(width));
          outputs.add(new ArrayList<>());
          rows.get(state)[column] = next;
        }
        state = next;
      }
      outputs.get(state).add(p);
    }
    // Breadth-first: failure links, merged outputs, and the full transition table.
    int states = rows.size();
    int[] failure = new int[states];
    int[] delta = new int[states * width];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    int[] root = rows.get(0);
    for (int column = 0; column < width; column++) {
      int next = root[column];
      if (next < 0) {
        delta[column] = 0;
      } else {
        delta[column] = next;
        failure[next] = 0;
        queue.add(next);
      }
    }
    while (!queue.isEmpty()) {
      int state = queue.poll();
      outputs.get(state).addAll(outputs.get(failure[state]));
      int[] row = rows.get(state);
      for (int column = 0; column < width; column++) {
        int next = row[column];
        if (next < 0) {
          delta[state * width + column] = delta[failure[state] * width + column];
        } else {
          delta[state * width + column] = next;
          failure[next] = delta[failure[state] * width + column];
          queue.add(next);
        }
      }
    }
    int[] outStart = new int[states + 1];
    int total = 0;
    for (int s = 0; s < states; s++) {
      outStart[s] = total;
      total += outputs.get(s).size();
    }
    outStart[states] = total;
    int[] outPhrases = new int[total];
    for (int s = 0; s < states; s++) {
      List<Integer> out = outputs.get(s);
      for (int i = 0; i < out.size(); i++) {
        outPhrases[outStart[s] + i] = out.get(i);
      }
    }
    return new PhraseAutomaton(width, classOf, delta, outStart, outPhrases);
  }

  private static int[] newRow(int width) {
    int[] row = new int[width];
    Arrays.fill(row, -1);
    return row;
  }

  /** The root state, where a scan starts. */
  static int root() {
    return 0;
  }

  /**
   * Takes one step.
   *
   * @param state the current state
   * @param folded the next folded character
   * @return the next state
   */
  int step(int state, char folded) {
    return delta[state * width + classOf[folded]];
  }

  /**
   * Where the phrases that end in a state start in {@link #phraseAt(int)}'s index space.
   *
   * @param state a state
   * @return the first index, inclusive
   */
  int outputsFrom(int state) {
    return outStart[state];
  }

  /**
   * Where the phrases that end in a state stop in {@link #phraseAt(int)}'s index space.
   *
   * @param state a state
   * @return the last index, exclusive
   */
  int outputsTo(int state) {
    return outStart[state + 1];
  }

  /**
   * The phrase reported at an output index.
   *
   * @param output an index between {@link #outputsFrom(int)} and {@link #outputsTo(int)}
   * @return the phrase's number in the list it was compiled from
   */
  int phraseAt(int output) {
    return outPhrases[output];
  }

  /**
   * The number of states, for diagnostics.
   *
   * @return the state count
   */
  int stateCount() {
    return outStart.length - 1;
  }
}
