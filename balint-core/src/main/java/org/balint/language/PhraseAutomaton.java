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
 *
 * <p>The tables are package-private final fields so that a scan can hold them in locals; {@link
 * #step}, {@link #firstOutput} and {@link #phraseAt} say what they mean.
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
    }
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char folded = FOLD[c];
      WORD[c] = Character.isLetterOrDigit(folded) || folded == '\'';
    }
  }

  /** The number of character classes: column 0 is every character no phrase contains. */
  final int width;

  /** The column of each raw (unfolded) character. */
  final char[] columnOf;

  /** The full transition table, row by row; states are numbered breadth first from the root. */
  final int[] delta;

  /** Per state, where its phrases start in {@link #outPhrases}, or -1 if none ends there. */
  final int[] firstOutput;

  /** The phrases ending in each state, each state's run closed by -1. */
  final int[] outPhrases;

  private PhraseAutomaton(
      int width, char[] columnOf, int[] delta, int[] firstOutput, int[] outPhrases) {
    this.width = width;
    this.columnOf = columnOf;
    this.delta = delta;
    this.firstOutput = firstOutput;
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
   * Tells whether a character, once folded, belongs to a word (letters, digits, the apostrophe).
   *
   * @param c a character of a text or phrase, folded or not
   * @return whether it continues a word
   */
  static boolean isWordChar(char c) {
    return WORD[c];
  }

  /**
   * Compiles an automaton that finds every occurrence of every phrase.
   *
   * @param phrases the folded phrases, each non-empty; phrase {@code i} is reported as {@code i}
   * @return the automaton
   */
  static PhraseAutomaton compile(List<String> phrases) {
    char[] columnOfFolded = new char[Character.MAX_VALUE + 1];
    int width = 1;
    for (String phrase : phrases) {
      checkArgument(!phrase.isEmpty(), "phrases must not be empty");
      for (int i = 0; i < phrase.length(); i++) {
        char c = phrase.charAt(i);
        if (columnOfFolded[c] == 0) {
          columnOfFolded[c] = (char) width++;
        }
      }
    }
    char[] columnOf = new char[Character.MAX_VALUE + 1];
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      columnOf[c] = columnOfFolded[FOLD[c]];
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
        int column = columnOfFolded[phrase.charAt(i)];
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
    // Number the states breadth first, so that the shallow states a scan mostly visits share
    // cache lines.
    int states = rows.size();
    int[] number = new int[states];
    int[] byNumber = new int[states];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    int numbered = 0;
    while (!queue.isEmpty()) {
      int state = queue.poll();
      number[state] = numbered;
      byNumber[numbered++] = state;
      for (int next : rows.get(state)) {
        if (next >= 0) {
          queue.add(next);
        }
      }
    }
    // Breadth first again, in the new numbering: failure links, merged outputs, full table.
    int[] failure = new int[states];
    int[] delta = new int[states * width];
    List<List<Integer>> merged = new ArrayList<>();
    for (int n = 0; n < states; n++) {
      merged.add(new ArrayList<>(outputs.get(byNumber[n])));
    }
    for (int n = 0; n < states; n++) {
      // States are visited in breadth-first order, so a failure target is complete before use.
      if (n > 0) {
        merged.get(n).addAll(merged.get(failure[n]));
      }
      int[] row = rows.get(byNumber[n]);
      for (int column = 0; column < width; column++) {
        int next = row[column] < 0 ? -1 : number[row[column]];
        if (next < 0) {
          delta[n * width + column] = n == 0 ? 0 : delta[failure[n] * width + column];
        } else {
          delta[n * width + column] = next;
          failure[next] = n == 0 ? 0 : delta[failure[n] * width + column];
        }
      }
    }
    int[] firstOutput = new int[states];
    List<Integer> flat = new ArrayList<>();
    for (int n = 0; n < states; n++) {
      if (merged.get(n).isEmpty()) {
        firstOutput[n] = -1;
      } else {
        firstOutput[n] = flat.size();
        flat.addAll(merged.get(n));
        flat.add(-1);
      }
    }
    int[] outPhrases = flat.stream().mapToInt(Integer::intValue).toArray();
    return new PhraseAutomaton(width, columnOf, delta, firstOutput, outPhrases);
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
   * @param c the next character of the text, as it is (the automaton folds it)
   * @return the next state
   */
  int step(int state, char c) {
    return delta[state * width + columnOf[c]];
  }

  /**
   * Where the phrases that end in a state are listed, for {@link #phraseAt(int)}.
   *
   * @param state a state
   * @return the first output index, or -1 if no phrase ends in the state
   */
  int firstOutput(int state) {
    return firstOutput[state];
  }

  /**
   * The phrase reported at an output index; the run of a state's phrases ends with -1.
   *
   * @param output an index from {@link #firstOutput(int)} onwards
   * @return the phrase's number in the list it was compiled from, or -1 at the end of the run
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
    return firstOutput.length;
  }
}
