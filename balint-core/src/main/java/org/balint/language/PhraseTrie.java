package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A trie over words that finds a lexicon's phrases in a text.
 *
 * <p>A text is split into tokens: words (letters, digits, {@code &}, and apostrophes with a word
 * character on each side) and marks (any other visible character, each its own token, such as
 * {@code ?}); spaces, dashes, double quotes, stray apostrophes, control characters and the halves
 * of surrogate pairs only separate. Tokens are folded one character for one (lower case,
 * typographic apostrophes made plain), so a match's span in the folded text is its span in the
 * original. A phrase is a path of tokens from the root; its last word may be a stem (written with a
 * trailing {@code *} in a lexicon), which matches any word that starts with it.
 *
 * <p>A scan keeps the partial matches alive (the nodes reached by the tokens since some earlier
 * token) and moves each, and the root, on every token: a token costs one map lookup per partial
 * match, and one per possible stem length where a node has stems.
 */
final class PhraseTrie {
  /**
   * One phrase: its folded tokens, the last a stem if {@link #stem}. Two are equal when they match
   * the same. (A class, not a record: a record's first {@code hashCode} costs a cold JVM tens of
   * milliseconds, and a lexicon is loaded when a program starts.)
   */
  static final class Phrase {
    /** The folded tokens, at least one. */
    final ImmutableList<String> tokens;

    /** Whether the last token is a stem, matching any word that starts with it. */
    final boolean stem;

    Phrase(ImmutableList<String> tokens, boolean stem) {
      this.tokens = tokens;
      this.stem = stem;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Phrase
          && ((Phrase) other).stem == stem
          && ((Phrase) other).tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
      return tokens.hashCode() * 2 + (stem ? 1 : 0);
    }
  }

  /** A phrase found in a text. */
  static final class Match {
    /** The phrase's number in the list the trie was built from. */
    final int phrase;

    /** The first character of the match (0 for a match that starts at the start mark). */
    final int start;

    /** One past the last character of the match. */
    final int end;

    Match(int phrase, int start, int end) {
      this.phrase = phrase;
      this.start = start;
      this.end = end;
    }
  }

  /** A node: the paths on from it by word and by stem, and the phrases that end at it. */
  private static final class Node {
    @Nullable Map<String, Node> children;
    @Nullable Map<String, Node> stems;
    int shortestStem = Integer.MAX_VALUE;
    int longestStem;
    int[] phrases = NO_PHRASES;

    Node child(String token, boolean stem) {
      Map<String, Node> map;
      if (stem) {
        if (stems == null) {
          stems = new HashMap<>(4);
        }
        map = stems;
        shortestStem = Math.min(shortestStem, token.length());
        longestStem = Math.max(longestStem, token.length());
      } else {
        if (children == null) {
          children = new HashMap<>(4);
        }
        map = children;
      }
      return map.computeIfAbsent(token, t -> new Node());
    }
  }

  private static final int[] NO_PHRASES = {};

  /** The shortest stem there may be. */
  static final int SHORTEST_STEM = 3;

  private final Node root = new Node();
  private final @Nullable String startMark;

  /**
   * Builds the trie of a list of phrases.
   *
   * @param phrases each with at least one token; a stem's last token is a word of at least {@link
   *     #SHORTEST_STEM} characters
   * @param startMark a mark that every text is read as starting with (see {@link #find}), or null
   * @throws IllegalArgumentException if a phrase has no token or a stem is too short
   */
  PhraseTrie(List<Phrase> phrases, @Nullable String startMark) {
    this.startMark = startMark;
    for (int p = 0; p < phrases.size(); p++) {
      Phrase phrase = phrases.get(p);
      List<String> tokens = phrase.tokens;
      checkArgument(!tokens.isEmpty(), "phrase %s has no token", p);
      int last = tokens.size() - 1;
      String lastToken = tokens.get(last);
      checkArgument(
          !phrase.stem || (lastToken.length() >= SHORTEST_STEM && isWord(lastToken)),
          "the stem of phrase %s must be a word of at least %s characters, not '%s'",
          p,
          SHORTEST_STEM,
          lastToken);
      Node node = root;
      for (int t = 0; t <= last; t++) {
        node = node.child(tokens.get(t), t == last && phrase.stem);
      }
      int[] ending = node.phrases;
      node.phrases = Arrays.copyOf(ending, ending.length + 1);
      node.phrases[ending.length] = p;
    }
  }

  /**
   * Finds every phrase in a text, ordered by end; for one end, the match that starts first comes
   * first, and for one span a stem's phrases (shortest stem first) come before a word's, and
   * phrases of one path in the order given. If the trie has a start mark, the text is read as if
   * that mark came before it, at position 0, so that a phrase that begins with the mark matches
   * only at the start of the text.
   *
   * @param text the text
   * @return the matches
   */
  List<Match> find(String text) {
    Scan scan = new Scan();
    if (startMark != null) {
      scan.step(startMark, 0, 0);
    }
    Folded folded = new Folded(text);
    for (int start = folded.tokenStart(0); start < text.length(); ) {
      int end = folded.tokenEnd(start);
      scan.step(folded.token(start, end), start, end);
      start = folded.tokenStart(end);
    }
    return scan.found;
  }

  /** One scan: the partial matches alive after the tokens so far, and the matches found. */
  private final class Scan {
    final List<Match> found = new ArrayList<>();

    /** The nodes with a path on that the last tokens reached, the earliest start first. */
    List<Node> alive = new ArrayList<>();

    /** By partial match, where its first token starts. */
    List<Integer> from = new ArrayList<>();

    List<Node> nextAlive = new ArrayList<>();
    List<Integer> nextFrom = new ArrayList<>();

    /** Moves every partial match, and the root, on one token, and reports what it completes. */
    void step(String token, int start, int end) {
      alive.add(root);
      from.add(start);
      for (int a = 0; a < alive.size(); a++) {
        Node node = alive.get(a);
        int first = from.get(a);
        Map<String, Node> stems = node.stems;
        if (stems != null) {
          for (int n = node.shortestStem; n <= Math.min(node.longestStem, token.length()); n++) {
            Node stem = stems.get(token.substring(0, n));
            if (stem != null) {
              report(stem, first, end, found);
            }
          }
        }
        Node child = node.children == null ? null : node.children.get(token);
        if (child != null) {
          report(child, first, end, found);
          if (child.children != null || child.stems != null) {
            nextAlive.add(child);
            nextFrom.add(first);
          }
        }
      }
      List<Node> nodes = alive;
      alive = nextAlive;
      nextAlive = nodes;
      nextAlive.clear();
      List<Integer> starts = from;
      from = nextFrom;
      nextFrom = starts;
      nextFrom.clear();
    }
  }

  private static void report(Node node, int start, int end, List<Match> found) {
    for (int phrase : node.phrases) {
      found.add(new Match(phrase, start, end));
    }
  }

  /**
   * Splits a phrase of a lexicon into its folded tokens, as a text is split.
   *
   * @param phrase the phrase, without a trailing {@code *}
   * @return the folded tokens, empty if it has none
   */
  static ImmutableList<String> tokens(String phrase) {
    ImmutableList.Builder<String> tokens = ImmutableList.builder();
    Folded folded = new Folded(phrase);
    for (int start = folded.tokenStart(0); start < phrase.length(); ) {
      int end = folded.tokenEnd(start);
      tokens.add(folded.token(start, end));
      start = folded.tokenStart(end);
    }
    return tokens.build();
  }

  /**
   * Tells whether a token is a word, as opposed to a mark such as {@code ?}.
   *
   * @param token a token from {@link #tokens(String)}
   * @return whether it is a word
   */
  static boolean isWord(String token) {
    return kind(token.charAt(0)) == WORD;
  }

  private static final byte SEPARATOR = 0;
  private static final byte WORD = 1;
  private static final byte MARK = 2;
  private static final byte APOSTROPHE = 3;

  /** By ASCII character, its kind: most text is ASCII, and a table spares the Unicode lookups. */
  private static final byte[] ASCII_KINDS = new byte[128];

  static {
    for (char c = 0; c < ASCII_KINDS.length; c++) {
      ASCII_KINDS[c] = unicodeKind(c);
    }
  }

  private static byte kind(char c) {
    return c < ASCII_KINDS.length ? ASCII_KINDS[c] : unicodeKind(c);
  }

  private static byte unicodeKind(char c) {
    if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`') {
      return APOSTROPHE;
    }
    if (c == '&' || Character.isLetterOrDigit(Character.toLowerCase(c))) {
      return WORD;
    }
    if (Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '-'
        || c == '\u2010'
        || c == '\u2011'
        || c == '\u2013'
        || c == '\u2014'
        || c == '"'
        || c == '\u201c'
        || c == '\u201d'
        || Character.isISOControl(c)
        || Character.isSurrogate(c)) {
      return SEPARATOR;
    }
    return MARK;
  }

  /** A character folded: lower case, every kind of apostrophe made {@code '}. */
  private static char fold(char c, byte kind) {
    if (kind == APOSTROPHE) {
      return '\'';
    }
    if (c < ASCII_KINDS.length) {
      return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    return Character.toLowerCase(c);
  }

  /** A text folded one character for one, with the kind of each of its characters. */
  private static final class Folded {
    final char[] chars;
    final byte[] kinds;

    Folded(String text) {
      chars = new char[text.length()];
      kinds = new byte[text.length()];
      for (int i = 0; i < chars.length; i++) {
        char c = text.charAt(i);
        kinds[i] = kind(c);
        chars[i] = fold(c, kinds[i]);
      }
    }

    /** Where the first token at or after {@code from} starts, or the length if none does. */
    int tokenStart(int from) {
      int i = from;
      while (i < kinds.length && (kinds[i] == SEPARATOR || kinds[i] == APOSTROPHE)) {
        i++;
      }
      return i;
    }

    /**
     * Where the token that starts at {@code start} ends: a mark is one character, a word runs on
     * over word characters and over apostrophes followed by one.
     */
    int tokenEnd(int start) {
      if (kinds[start] == MARK) {
        return start + 1;
      }
      int i = start + 1;
      while (i < kinds.length
          && (kinds[i] == WORD
              || (kinds[i] == APOSTROPHE && i + 1 < kinds.length && kinds[i + 1] == WORD))) {
        i++;
      }
      return i;
    }

    String token(int start, int end) {
      return new String(chars, start, end - start);
    }
  }

  @Override
  public String toString() {
    return "PhraseTrie{" + (root.children == null ? 0 : root.children.size()) + " first words}";
  }
}
