package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Iterables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The matcher of version 0.1 (word hash, trie over words, a list of active partial matches), kept
 * as the oracle for {@link PhraseMatcher}. It deliberately repeats the folding tables and helpers
 * of {@code PhraseMatcher} rather than calling them, so that a change there cannot change the
 * oracle too.
 *
 * <p>One change since 0.1, on purpose: a word or stem found by its hash is taken only if its
 * folded characters spell the lexicon word. 0.1 trusted a 32-bit hash and a filter by first and
 * last character and length, so that, for example, the CJK character U+36E9 was taken for the
 * lexicon word "mi", and "msé" for the stem "mri"; the oracle now defines the intended behaviour,
 * exact words.
 */
final class ReferencePhraseMatcher {
  /** What a scan reports: phrase {@code phrase} spans {@code [start, end)} of the text. */
  interface Sink {
    /**
     * Receives one match; matches arrive ordered by end.
     *
     * @param phrase the phrase's number in the list it was compiled from
     * @param start the first character of the match
     * @param end one past the last character of the match
     */
    void found(int phrase, int start, int end);
  }

  /** One compiled phrase: its tokens, the last possibly a stem. */
  static final class Phrase {
    final List<String> tokens;
    final boolean stem;

    Phrase(List<String> tokens, boolean stem) {
      this.tokens = tokens;
      this.stem = stem;
    }
  }

  private static final byte SEPARATOR = 0;
  private static final byte WORD = 1;
  private static final byte MARK = 2;
  private static final byte APOSTROPHE = 3;
  private static final char[] FOLD = new char[Character.MAX_VALUE + 1];
  private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];
  private static final int MAX_STEMS_PER_WORD = 8;

  static {
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      char ch = (char) c;
      char folded = Character.toLowerCase(ch);
      byte kind;
      if (ch == '\'' || ch == '\u2019' || ch == '\u2018' || ch == '\u02bc' || ch == '`') {
        folded = '\'';
        kind = APOSTROPHE;
      } else if (Character.isLetterOrDigit(folded) || ch == '&') {
        kind = WORD;
      } else if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '-'
          || ch == '\u2010' || ch == '\u2011' || ch == '\u2013' || ch == '\u2014' || ch == '"'
          || ch == '\u201c' || ch == '\u201d' || Character.isISOControl(ch)
          || Character.isSurrogate(ch)) {
        folded = ' ';
        kind = SEPARATOR;
      } else {
        kind = MARK;
      }
      FOLD[c] = folded;
      CLASS[c] = kind;
    }
  }

  // Open-addressing tables, each slot (32-bit key << 32 | value), value >= 1; 0 marks an empty
  // slot. Key and value share a slot so that a lookup touches one cache line.
  // The lexicon's words: word hash -> symbol.
  private final long[] words;
  // The lexicon's stems: stem hash -> symbol; by first two characters, the stem lengths to try.
  private final long[] stems;
  private final long[] stemLengths;
  // The trie: (node, symbol) -> child; per node, the phrases ending there (-1 closes the run).
  /**
   * By first and last character, the lengths of the lexicon's words: a filter in the processor's
   * fastest cache that spares most other words and marks a hash lookup.
   */
  private final long[] wordLengths;
  /** The root's children by symbol, so a phrase's first word needs no hash lookup. */
  private final int[] rootChild;
  // The trie's edges: node * symbols + symbol -> child node.
  private final long[] edges;
  private final int symbols;
  private final boolean[] hasChildren;
  private final int[] firstPhrase;
  private final int[] phrasesAt;
  /** The most partial matches a scan can hold at once: the longest phrase's token count. */
  private final int maxActive;

  /** By symbol, the folded word or stem. */
  private final String[] spelling;

  private ReferencePhraseMatcher(int maxActive, long[] wordLengths, int[] rootChild, long[] words,
      long[] stems, long[] stemLengths, long[] edges, int symbols, boolean[] hasChildren,
      int[] firstPhrase, int[] phrasesAt, String[] spelling) {
    this.spelling = spelling;
    this.maxActive = maxActive;
    this.wordLengths = wordLengths;
    this.rootChild = rootChild;
    this.words = words;
    this.stems = stems;
    this.stemLengths = stemLengths;
    this.edges = edges;
    this.symbols = symbols;
    this.hasChildren = hasChildren;
    this.firstPhrase = firstPhrase;
    this.phrasesAt = phrasesAt;
  }

  /**
   * Splits a phrase of the lexicon into its folded tokens, as a scan would split a text.
   *
   * @param phrase the phrase, without its trailing {@code *}
   * @return the folded tokens, empty if the phrase has none
   */
  static List<String> tokens(String phrase) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < phrase.length(); i++) {
      char c = phrase.charAt(i);
      byte kind = CLASS[c];
      if (kind == WORD || (kind == APOSTROPHE && word.length() > 0
          && i + 1 < phrase.length() && CLASS[phrase.charAt(i + 1)] == WORD)) {
        word.append(FOLD[c]);
        continue;
      }
      if (word.length() > 0) {
        tokens.add(word.toString());
        word.setLength(0);
      }
      if (kind == MARK) {
        tokens.add(String.valueOf(FOLD[c]));
      }
    }
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  /**
   * Tells whether a token is a word, as opposed to a mark such as {@code ?}.
   *
   * @param token a token from {@link #tokens(String)}
   * @return whether it is a word
   */
  static boolean isWord(String token) {
    return CLASS[token.charAt(0)] == WORD;
  }

  private static int hash(String token) {
    long h = 0;
    for (int i = 0; i < token.length(); i++) {
      h = mix(h, token.charAt(i));
    }
    return fold(h);
  }

  /** One step of the word hash: a rotation and an exclusive or, two cycles on the critical path. */
  private static long mix(long h, char folded) {
    return Long.rotateLeft(h, 7) ^ folded;
  }

  /**
   * The 32-bit table key of a word hash. Lexicon words never share a key (checked when compiling);
   * a text word shares one with a lexicon word only if it also shares its first and last
   * characters and its length, which the filter checks first.
   */
  private static int fold(long h) {
    return (int) ((h * 0x9E3779B97F4A7C15L) >>> 32);
  }

  /** A key's home slot: the top bits of a Fibonacci product, so that close keys spread out. */
  private static int slot(int key, int mask) {
    return (key * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
  }

  private static int tableSize(int entries) {
    return Integer.highestOneBit(Math.max(2, entries * 2)) << 1;
  }

  private static void put(long[] table, int key, int value) {
    int mask = table.length - 1;
    int s = slot(key, mask);
    while (table[s] != 0 && (int) (table[s] >>> 32) != key) {
      s = (s + 1) & mask;
    }
    table[s] = ((long) key << 32) | value;
  }

  private static int get(long[] table, int key) {
    int mask = table.length - 1;
    for (int s = slot(key, mask); ; s = (s + 1) & mask) {
      long entry = table[s];
      if (entry == 0) {
        return 0;
      }
      if ((int) (entry >>> 32) == key) {
        return (int) entry;
      }
    }
  }

  /** An index into a 1024-entry filter by two characters. */
  private static int pairIndex(char first, char second) {
    return ((first & 31) << 5) | (second & 31);
  }

  /**
   * Compiles the phrases.
   *
   * @param phrases each with at least one token; a stem's last token is a word of 3 or more
   *     characters
   * @return the matcher
   */
  static ReferencePhraseMatcher compile(List<Phrase> phrases) {
    Map<String, Integer> words = new HashMap<>();
    Map<String, Integer> stems = new HashMap<>();
    Map<Integer, String> hashes = new HashMap<>();
    int longest = 1;
    for (Phrase phrase : phrases) {
      longest = Math.max(longest, phrase.tokens.size());
      checkArgument(!phrase.tokens.isEmpty(), "phrases must have a token");
      int last = phrase.tokens.size() - 1;
      for (int t = 0; t <= last; t++) {
        String token = phrase.tokens.get(t);
        if (t == last && phrase.stem) {
          checkArgument(token.length() >= 3 && isWord(token), "stem too short: %s", token);
          stems.putIfAbsent(token, words.size() + stems.size() + 1);
        } else {
          words.putIfAbsent(token, words.size() + stems.size() + 1);
        }
      }
    }
    for (String token : Iterables.concat(words.keySet(), stems.keySet())) {
      String other = hashes.putIfAbsent(hash(token), token);
      checkArgument(other == null || other.equals(token),
          "the words '%s' and '%s' share a hash; rename one", token, other);
    }
    String[] spelling = new String[words.size() + stems.size() + 1];
    words.forEach((word, symbol) -> spelling[symbol] = word);
    stems.forEach((stem, symbol) -> spelling[symbol] = stem);
    long[] wordTable = new long[tableSize(words.size())];
    long[] wordLengths = new long[1024];
    words.forEach(
        (word, symbol) -> {
          put(wordTable, hash(word), symbol);
          wordLengths[pairIndex(word.charAt(0), word.charAt(word.length() - 1))] |=
              1L << Math.min(word.length(), 63);
        });
    long[] stemTable = new long[tableSize(stems.size())];
    long[] stemLengths = new long[1024];
    stems.forEach(
        (stem, symbol) -> {
          put(stemTable, hash(stem), symbol);
          stemLengths[pairIndex(stem.charAt(0), stem.charAt(1))] |=
              1L << Math.min(stem.length(), 63);
        });
    // The trie over symbols.
    List<Map<Integer, Integer>> children = new ArrayList<>();
    List<List<Integer>> ending = new ArrayList<>();
    children.add(new HashMap<>());
    ending.add(new ArrayList<>());
    int edges = 0;
    for (int p = 0; p < phrases.size(); p++) {
      Phrase phrase = phrases.get(p);
      int node = 0;
      int last = phrase.tokens.size() - 1;
      for (int t = 0; t <= last; t++) {
        String token = phrase.tokens.get(t);
        int symbol = t == last && phrase.stem ? stems.get(token) : words.get(token);
        Integer next = children.get(node).get(symbol);
        if (next == null) {
          next = children.size();
          children.add(new HashMap<>());
          ending.add(new ArrayList<>());
          children.get(node).put(symbol, next);
          edges++;
        }
        node = next;
      }
      ending.get(node).add(p);
    }
    int nodes = children.size();
    int symbols = words.size() + stems.size() + 1;
    checkArgument((long) nodes * symbols < Integer.MAX_VALUE, "the lexicon is too large");
    long[] edgeTable = new long[tableSize(edges)];
    boolean[] hasChildren = new boolean[nodes];
    int[] firstPhrase = new int[nodes];
    List<Integer> flat = new ArrayList<>();
    for (int node = 0; node < nodes; node++) {
      int from = node;
      children.get(node).forEach((symbol, child) ->
          put(edgeTable, from * symbols + symbol, child));
      hasChildren[node] = !children.get(node).isEmpty();
      if (ending.get(node).isEmpty()) {
        firstPhrase[node] = -1;
      } else {
        firstPhrase[node] = flat.size();
        flat.addAll(ending.get(node));
        flat.add(-1);
      }
    }
    int[] rootChild = new int[symbols];
    children.get(0).forEach((symbol, child) -> rootChild[symbol] = child);
    return new ReferencePhraseMatcher(longest + 1, wordLengths, rootChild, wordTable, stemTable,
        stemLengths, edgeTable, symbols, hasChildren, firstPhrase,
        flat.stream().mapToInt(Integer::intValue).toArray(), spelling);
  }

  private int child(int node, int symbol) {
    return get(edges, node * symbols + symbol);
  }

  /**
   * Scans a text once and reports every phrase found, ordered by end.
   *
   * @param text the text
   * @param sink receives the matches
   */
  void scan(String text, Sink sink) {
    scan(text, sink, new Buffers(this));
  }

  /**
   * The working arrays of a scan, reusable by one thread from one scan to the next so that a scan
   * allocates nothing.
   */
  static final class Buffers {
    private char[] chars = new char[256];
    private final int[] active;
    private final int[] activeStart;
    private final int[] nextActive;
    private final int[] nextStart;
    private final int[] stemsFound = new int[MAX_STEMS_PER_WORD];

    /**
     * Creates buffers for scans by one matcher.
     *
     * @param matcher the matcher they will serve
     */
    Buffers(ReferencePhraseMatcher matcher) {
      active = new int[matcher.maxActive];
      activeStart = new int[matcher.maxActive];
      nextActive = new int[matcher.maxActive];
      nextStart = new int[matcher.maxActive];
    }
  }

  /**
   * Scans a text once with reusable buffers and reports every phrase found, ordered by end.
   *
   * @param text the text
   * @param sink receives the matches
   * @param buffers working arrays made for this matcher, used by one thread at a time
   */
  void scan(String text, Sink sink, Buffers buffers) {
    int length = text.length();
    if (buffers.chars.length <= length) {
      buffers.chars = new char[length + 1];
    }
    char[] chars = buffers.chars;
    text.getChars(0, length, chars, 0);
    chars[length] = 0;
    // Active partial matches: trie nodes and where each started.
    int[] active = buffers.active;
    int[] activeStart = buffers.activeStart;
    int[] nextActive = buffers.nextActive;
    int[] nextStart = buffers.nextStart;
    int[] stemsFound = buffers.stemsFound;
    int activeCount = 0;
    int i = 0;
    while (i < length) {
      char c = chars[i];
      byte kind = CLASS[c];
      if (kind != WORD && kind != MARK) {
        i++;
        continue;
      }
      int start = i;
      int symbol;
      int stemCount = 0;
      if (kind == MARK) {
        symbol = (wordLengths[pairIndex(FOLD[c], FOLD[c])] & 2L) == 0
            ? 0 : spelt(get(words, fold(mix(0, FOLD[c]))), chars, i, 1);
        i++;
      } else {
        long h = mix(0, FOLD[c]);
        long lengths = 0;
        int n = 1;
        i++;
        while (i < length) {
          char d = chars[i];
          byte dk = CLASS[d];
          if (dk != WORD) {
            if (dk != APOSTROPHE || CLASS[chars[i + 1]] != WORD) {
              break;
            }
          }
          h = mix(h, FOLD[d]);
          n++;
          i++;
          if (n == 2) {
            lengths = stemLengths[pairIndex(FOLD[c], FOLD[d])];
          } else if (n < 64 && (lengths & (1L << n)) != 0 && stemCount < MAX_STEMS_PER_WORD) {
            int stem = spelt(get(stems, fold(h)), chars, start, n);
            if (stem != 0) {
              stemsFound[stemCount++] = stem;
            }
          }
        }
        long known = wordLengths[pairIndex(FOLD[c], FOLD[chars[i - 1]])];
        symbol = (known & (1L << Math.min(n, 63))) == 0 ? 0 : spelt(get(words, fold(h)), chars,
            start, n);
      }
      if (symbol == 0 && stemCount == 0) {
        activeCount = 0;
        continue;
      }
      // Extend every active partial match, and start one here.
      active[activeCount] = 0;
      activeStart[activeCount] = start;
      int nextCount = 0;
      for (int a = 0; a <= activeCount; a++) {
        int node = active[a];
        for (int s = 0; s < stemCount; s++) {
          int child = node == 0 ? rootChild[stemsFound[s]] : child(node, stemsFound[s]);
          if (child != 0) {
            report(child, activeStart[a], i, sink);
          }
        }
        if (symbol != 0) {
          int child = node == 0 ? rootChild[symbol] : child(node, symbol);
          if (child != 0) {
            report(child, activeStart[a], i, sink);
            if (hasChildren[child]) {
              nextActive[nextCount] = child;
              nextStart[nextCount++] = activeStart[a];
            }
          }
        }
      }
      int[] swap = active;
      active = nextActive;
      nextActive = swap;
      swap = activeStart;
      activeStart = nextStart;
      nextStart = swap;
      activeCount = nextCount;
    }
  }

  /** The symbol if the folded characters spell its word or stem, else 0. */
  private int spelt(int symbol, char[] chars, int start, int n) {
    if (symbol == 0 || spelling[symbol].length() != n) {
      return 0;
    }
    for (int k = 0; k < n; k++) {
      if (FOLD[chars[start + k]] != spelling[symbol].charAt(k)) {
        return 0;
      }
    }
    return symbol;
  }

  private void report(int node, int start, int end, Sink sink) {
    int at = firstPhrase[node];
    if (at < 0) {
      return;
    }
    for (int phrase = phrasesAt[at]; phrase >= 0; phrase = phrasesAt[++at]) {
      sink.found(phrase, start, end);
    }
  }

  @Override
  public String toString() {
    return "ReferencePhraseMatcher{" + (symbols - 1) + " words and stems, " + hasChildren.length
        + " trie nodes}";
  }
}
