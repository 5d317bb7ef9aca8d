package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.Iterables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds lexicon phrases in a text in one pass over its characters, word by word.
 *
 * <p>The pass splits the text into tokens: words (letters, digits, {@code &}, and apostrophes
 * between letters) and marks (any other visible character, each its own token, such as {@code
 * ?}); spaces, dashes and stray quotes only separate. Characters are folded one to one (lower
 * case, typographic apostrophes made plain), so a match's span is its span in the original text.
 * Each token is hashed as it is read and looked up once in a small open-addressing table of the
 * lexicon's words, which gives its symbol. Phrases are paths in a trie over symbols, compiled into
 * a word-level Aho–Corasick automaton: a state is the longest partial match alive, and each
 * (state, symbol) transition carries, precomputed, the next state and every phrase it completes
 * with how many tokens back each starts. A token thus costs one word lookup, at most one
 * transition lookup (none from the start state), and one store per phrase found. A phrase's last
 * word may end in {@code *} (a stem): such a stem matches any word that starts with it; a token
 * that completes a stem takes a slower path through the state's partial matches, which reports
 * in the same order.
 *
 * <p>As in version 0.1, a text word is taken for a lexicon word when some lexicon word has its
 * first and last characters (modulo 32) and its length, and the lexicon word's 32-bit hash equals
 * the text word's; the lexicon's words never share a hash (checked when compiling). The hash mixes
 * characters by a 7-bit rotation, exact for ASCII words of up to 9 characters but not for other
 * characters: a known weakness kept for exact agreement with 0.1 (for example the CJK character
 * U+36E9 is taken for the lexicon word "mi").
 */
final class PhraseMatcher {
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

  /** The lexicon's words: (32-bit hash key << 32) | symbol; 0 marks a free slot. */
  private final long[] words;
  /** By first and last character, the lengths of the lexicon's words (bit n for length n). */
  private final long[] wordLengths;
  /** The lexicon's stems: hash key -> symbol; by first two characters, the stem lengths to try. */
  private final long[] stems;
  private final long[] stemLengths;
  /** The root's children by symbol (for the slow path, a token that completes a stem). */
  private final int[] rootChild;
  /** The trie's edges: node * symbols + symbol -> child node (for the slow path). */
  private final long[] edges;
  private final int symbols;
  /** Per node, the number of tokens on its path from the root. */
  private final int[] depth;
  private final int[] firstPhrase;
  private final int[] phrasesAt;
  /**
   * Per state (a trie node with children, or the root), its chain: the state and every shorter
   * path that is also a suffix of it and has children, longest first, the root last. These are
   * the partial matches alive in that state.
   */
  private final int[] chainOffset;
  private final int[] chainNodes;
  /**
   * The word-level automaton from the root: by word symbol, a packed transition (next state in
   * bits 0–23, first output in bits 24–47, output count from bit 48).
   */
  private final long[] rootTransitions;
  /**
   * The other states' transitions that differ from the root's, two longs a slot: the key
   * {@code state * symbols + symbol + 1} (0 marks a free slot), then the packed transition.
   */
  private final long[] transitions;
  /**
   * Per state, bit {@code symbol % 64} set for every symbol with a transition in {@link
   * #transitions}: a clear bit spares the lookup of a transition that is the root's.
   */
  private final long[] transitionBits;
  /** The outputs of the transitions: the phrase found, and how many tokens before it starts. */
  private final int[] outPhrase;
  private final int[] outDepth;
  /** A power of two minus one, at least the longest phrase's token count minus one. */
  private final int ringMask;

  private PhraseMatcher(Builder b) {
    words = b.wordTable;
    wordLengths = b.wordLengths;
    stems = b.stemTable;
    stemLengths = b.stemLengths;
    rootChild = b.rootChild;
    edges = b.edgeTable;
    symbols = b.symbols;
    depth = b.depth;
    firstPhrase = b.firstPhrase;
    phrasesAt = b.phrasesAt;
    chainOffset = b.chainOffset;
    chainNodes = b.chainNodes;
    rootTransitions = b.rootTransitions;
    transitions = b.transitions;
    transitionBits = b.transitionBits;
    outPhrase = b.outPhrase;
    outDepth = b.outDepth;
    ringMask = b.ringMask;
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
  static PhraseMatcher compile(List<Phrase> phrases) {
    return new PhraseMatcher(new Builder(phrases));
  }

  /** The compilation of a phrase list into the matcher's tables. */
  private static final class Builder {
    long[] wordTable;
    long[] wordLengths;
    long[] stemTable;
    long[] stemLengths;
    int[] rootChild;
    long[] edgeTable;
    int symbols;
    int[] depth;
    int[] firstPhrase;
    int[] phrasesAt;
    int[] chainOffset;
    int[] chainNodes;
    long[] rootTransitions;
    long[] transitions;
    long[] transitionBits;
    int[] outPhrase;
    int[] outDepth;
    int ringMask;

    private final List<Map<Integer, Integer>> children = new ArrayList<>();
    private final List<List<Integer>> ending = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final List<Integer> edgeSymbol = new ArrayList<>();
    private final List<Integer> outPhrases = new ArrayList<>();
    private final List<Integer> outDepths = new ArrayList<>();
    private boolean[] isStem;

    Builder(List<Phrase> phrases) {
      Map<String, Integer> words = new HashMap<>();
      Map<String, Integer> stems = new HashMap<>();
      Map<Integer, String> hashes = new HashMap<>();
      int longest = 1;
      for (Phrase phrase : phrases) {
        checkArgument(!phrase.tokens.isEmpty(), "phrases must have a token");
        longest = Math.max(longest, phrase.tokens.size());
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
      symbols = words.size() + stems.size() + 1;
      checkArgument(symbols < 1 << 24, "the lexicon has too many words: %s", symbols);
      isStem = new boolean[symbols];
      wordTable = new long[tableSize(words.size())];
      wordLengths = new long[1024];
      words.forEach(
          (word, symbol) -> {
            put(wordTable, hash(word), symbol);
            wordLengths[pairIndex(word.charAt(0), word.charAt(word.length() - 1))] |=
                1L << Math.min(word.length(), 63);
          });
      stemTable = new long[tableSize(stems.size())];
      stemLengths = new long[1024];
      stems.forEach(
          (stem, symbol) -> {
            isStem[symbol] = true;
            put(stemTable, hash(stem), symbol);
            stemLengths[pairIndex(stem.charAt(0), stem.charAt(1))] |=
                1L << Math.min(stem.length(), 63);
          });
      ringMask = Integer.highestOneBit(longest) * 2 - 1;
      trie(phrases, words, stems);
      chains();
      automaton();
    }

    private int node() {
      children.add(new HashMap<>());
      ending.add(new ArrayList<>());
      return children.size() - 1;
    }

    private void trie(List<Phrase> phrases, Map<String, Integer> words,
        Map<String, Integer> stems) {
      node();
      parent.add(-1);
      edgeSymbol.add(0);
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
            next = node();
            parent.add(node);
            edgeSymbol.add(symbol);
            children.get(node).put(symbol, next);
            edges++;
          }
          node = next;
        }
        ending.get(node).add(p);
      }
      int nodes = children.size();
      checkArgument(nodes < 1 << 24 && (long) nodes * symbols < Integer.MAX_VALUE,
          "the lexicon is too large: %s trie nodes", nodes);
      edgeTable = new long[tableSize(edges)];
      depth = new int[nodes];
      firstPhrase = new int[nodes];
      List<Integer> flat = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        int from = node;
        children.get(node).forEach((symbol, child) ->
            put(edgeTable, from * symbols + symbol, child));
        depth[node] = node == 0 ? 0 : depth[parent.get(node)] + 1;
        if (ending.get(node).isEmpty()) {
          firstPhrase[node] = -1;
        } else {
          firstPhrase[node] = flat.size();
          flat.addAll(ending.get(node));
          flat.add(-1);
        }
      }
      phrasesAt = flat.stream().mapToInt(Integer::intValue).toArray();
      rootChild = new int[symbols];
      children.get(0).forEach((symbol, child) -> rootChild[symbol] = child);
    }

    private boolean isState(int node) {
      return node == 0 || !children.get(node).isEmpty();
    }

    /** Each state's chain: the suffixes of its path that are states, longest first. */
    private void chains() {
      int nodes = children.size();
      chainOffset = new int[nodes + 1];
      List<Integer> flat = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        chainOffset[node] = flat.size();
        if (!isState(node)) {
          continue;
        }
        int[] path = new int[depth[node]];
        for (int at = node, t = path.length - 1; at != 0; at = parent.get(at), t--) {
          path[t] = edgeSymbol.get(at);
        }
        for (int from = 0; from <= path.length; from++) {
          int at = 0;
          for (int t = from; t < path.length && at >= 0; t++) {
            Integer next = children.get(at).get(path[t]);
            at = next == null ? -1 : next;
          }
          if (at >= 0 && isState(at)) {
            flat.add(at);
          }
        }
      }
      chainOffset[nodes] = flat.size();
      chainNodes = flat.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The word-level automaton: per state and word symbol, the next state and the outputs. */
    private void automaton() {
      rootTransitions = new long[symbols];
      for (int symbol = 1; symbol < symbols; symbol++) {
        if (!isStem[symbol]) {
          rootTransitions[symbol] = transition(0, symbol);
        }
      }
      Map<Long, Long> other = new HashMap<>();
      transitionBits = new long[children.size()];
      for (int state = 1; state < children.size(); state++) {
        if (!isState(state)) {
          continue;
        }
        Set<Integer> next = new TreeSet<>();
        for (int c = chainOffset[state]; c < chainOffset[state + 1]; c++) {
          if (chainNodes[c] != 0) {
            next.addAll(children.get(chainNodes[c]).keySet());
          }
        }
        for (int symbol : next) {
          if (!isStem[symbol]) {
            other.put((long) state * symbols + symbol + 1, transition(state, symbol));
            transitionBits[state] |= 1L << symbol;
          }
        }
      }
      transitions = new long[2 * tableSize(other.size())];
      int mask = transitions.length / 2 - 1;
      other.forEach(
          (key, value) -> {
            int s = transitionSlot(key, mask);
            while (transitions[2 * s] != 0) {
              s = (s + 1) & mask;
            }
            transitions[2 * s] = key;
            transitions[2 * s + 1] = value;
          });
      outPhrase = outPhrases.stream().mapToInt(Integer::intValue).toArray();
      outDepth = outDepths.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The packed transition from a state on a word symbol, its outputs appended to the list. */
    private long transition(int state, int symbol) {
      int first = outPhrases.size();
      int next = 0;
      for (int c = chainOffset[state]; c < chainOffset[state + 1]; c++) {
        int from = chainNodes[c];
        Integer child = children.get(from).get(symbol);
        if (child == null) {
          continue;
        }
        for (int phrase : ending.get(child)) {
          outPhrases.add(phrase);
          outDepths.add(depth[from]);
        }
        if (next == 0 && !children.get(child).isEmpty()) {
          next = child;
        }
      }
      int count = outPhrases.size() - first;
      if (count == 0) {
        first = 0;
      }
      checkArgument(outPhrases.size() < 1 << 24 && count < 1 << 15,
          "the lexicon is too large: %s outputs", outPhrases.size());
      return next | ((long) first << 24) | ((long) count << 48);
    }
  }

  private static int transitionSlot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }

  /**
   * The symbol of a word or mark of the text, 0 if not in the lexicon. A filter by first and last
   * character and length (8 KB, in the fastest cache) spares most other words the table lookup.
   */
  private int symbolOf(long h, char first, char last, int length) {
    long lengths = wordLengths[pairIndex(first, last)];
    return (lengths & (1L << Math.min(length, 63))) == 0 ? 0 : get(words, fold(h));
  }

  /** The packed transition from a state other than the root on a word symbol. */
  private long transition(int state, int symbol) {
    if ((transitionBits[state] & (1L << symbol)) == 0) {
      return rootTransitions[symbol];
    }
    long key = (long) state * symbols + symbol + 1;
    long[] table = transitions;
    int mask = table.length / 2 - 1;
    for (int s = transitionSlot(key, mask); ; s = (s + 1) & mask) {
      long k = table[2 * s];
      if (k == key) {
        return table[2 * s + 1];
      }
      if (k == 0) {
        return rootTransitions[symbol];
      }
    }
  }

  private int child(int node, int symbol) {
    return node == 0 ? rootChild[symbol] : get(edges, node * symbols + symbol);
  }

  /**
   * Scans a text once and reports every phrase found, ordered by end (and, for one end, longest
   * first).
   *
   * @param text the text
   * @param sink receives the matches
   */
  void scan(String text, Sink sink) {
    Buffers buffers = new Buffers(this);
    scan(text, buffers);
    for (int h = 0; h < buffers.count; h++) {
      sink.found(buffers.phrase[h], buffers.start[h], buffers.end[h]);
    }
  }

  /**
   * The working arrays of a scan and the matches it found, reusable by one thread from one scan
   * to the next so that a scan allocates nothing.
   */
  static final class Buffers {
    private char[] chars = new char[256];
    private final int[] ring;
    private final int[] stemsFound = new int[MAX_STEMS_PER_WORD];
    /** The matches of the last scan, in the order found: phrase, start and end. */
    int[] phrase = new int[32];
    int[] start = new int[32];
    int[] end = new int[32];
    /** How many matches the last scan found. */
    int count;
    /**
     * Whether the last scan found a match longer than one token or completed a stem: only then can
     * one match lie inside another.
     */
    boolean nested;

    /**
     * Creates buffers for scans by one matcher.
     *
     * @param matcher the matcher they will serve
     */
    Buffers(PhraseMatcher matcher) {
      ring = new int[matcher.ringMask + 1];
    }

    private void add(int found, int from, int to) {
      int at = count;
      if (at == phrase.length) {
        phrase = Arrays.copyOf(phrase, at * 2);
        start = Arrays.copyOf(start, at * 2);
        end = Arrays.copyOf(end, at * 2);
      }
      phrase[at] = found;
      start[at] = from;
      end[at] = to;
      count = at + 1;
    }
  }

  /**
   * Scans a text once with reusable buffers, leaving in them every phrase found, ordered by end
   * (and, for one end, longest first).
   *
   * @param text the text
   * @param buffers working arrays, used by one thread at a time
   */
  void scan(String text, Buffers buffers) {
    int length = text.length();
    if (buffers.chars.length <= length) {
      buffers.chars = new char[length + 1];
    }
    char[] chars = buffers.chars;
    text.getChars(0, length, chars, 0);
    chars[length] = 0;
    int[] ring = buffers.ring;
    int[] stemsFound = buffers.stemsFound;
    int mask = ringMask;
    buffers.count = 0;
    boolean nested = false;
    int state = 0;
    int token = 0;
    int i = 0;
    while (i < length) {
      char c = chars[i];
      byte kind = CLASS[c];
      if (kind != WORD && kind != MARK) {
        i++;
        continue;
      }
      int start = i;
      long h = mix(0, FOLD[c]);
      int n = 1;
      int stemCount = 0;
      i++;
      if (kind == WORD) {
        long lengths = 0;
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
            int stem = get(stems, fold(h));
            if (stem != 0) {
              stemsFound[stemCount++] = stem;
            }
          }
        }
      }
      int symbol = symbolOf(h, FOLD[c], FOLD[chars[i - 1]], n);
      if (symbol == 0 && stemCount == 0) {
        state = 0;
        token++;
        continue;
      }
      ring[token & mask] = start;
      if (stemCount != 0) {
        nested = true;
        stemMatches(state, symbol, token, i, stemsFound, stemCount, buffers);
      }
      long step = state == 0 ? rootTransitions[symbol] : transition(state, symbol);
      int outputs = (int) (step >>> 48);
      if (outputs != 0 && stemCount == 0) {
        int first = (int) (step >>> 24) & 0xFFFFFF;
        for (int o = first; o < first + outputs; o++) {
          int back = outDepth[o];
          nested |= back != 0;
          buffers.add(outPhrase[o], ring[(token - back) & mask], i);
        }
      }
      state = (int) step & 0xFFFFFF;
      token++;
    }
    buffers.nested = nested;
  }

  /**
   * The slow path for a token that completes a stem: every partial match of the state, longest
   * first, reports its stems' phrases and then its word's, as the automaton's outputs would.
   */
  private void stemMatches(int state, int symbol, int token, int end, int[] stemsFound,
      int stemCount, Buffers buffers) {
    for (int c = chainOffset[state]; c < chainOffset[state + 1]; c++) {
      int node = chainNodes[c];
      int from = buffers.ring[(token - depth[node]) & ringMask];
      for (int s = 0; s < stemCount; s++) {
        report(child(node, stemsFound[s]), from, end, buffers);
      }
      if (symbol != 0) {
        report(child(node, symbol), from, end, buffers);
      }
    }
  }

  private void report(int node, int start, int end, Buffers buffers) {
    if (node == 0) {
      return;
    }
    int at = firstPhrase[node];
    if (at < 0) {
      return;
    }
    for (int phrase = phrasesAt[at]; phrase >= 0; phrase = phrasesAt[++at]) {
      buffers.add(phrase, start, end);
    }
  }

  @Override
  public String toString() {
    return "PhraseMatcher{" + (symbols - 1) + " words and stems, " + depth.length
        + " trie nodes, " + transitions.length / 2 + " transition slots}";
  }
}
