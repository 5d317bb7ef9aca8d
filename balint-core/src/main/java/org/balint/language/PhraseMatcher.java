package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.Iterables;
import java.nio.charset.StandardCharsets;
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
 * Each token is looked up once in a table of the lexicon's words, which gives its symbol. Phrases
 * are paths in a trie over symbols, compiled into
 * a word-level Aho–Corasick automaton: a state is the longest partial match alive, and each
 * (state, symbol) transition carries, precomputed, the next state and every phrase it completes
 * with how many tokens back each starts. A token thus costs one word lookup, at most one
 * transition lookup (none from the start state), and one store per phrase found. A phrase's last
 * word may end in {@code *} (a stem): such a stem matches any word that starts with it; a token
 * that completes a stem takes a slower path through the state's partial matches, which reports
 * in the same order.
 *
 * <p>Two paths read the text. A text that Latin-1 can spell, but for typographic apostrophes,
 * quotes and dashes (nearly every English or German contribution), takes the fast path: one pass
 * classifies and folds its characters 8 at a time into bit masks of word characters and marks
 * (SWAR arithmetic on {@code long}s), then the tokens are read off the masks and each is looked up
 * by its bytes in exact two-choice tables ({@link Latin1Words}), whose entry for a word is also
 * its move from the root; the per-token work avoids unpredictable branches, and the matches are
 * written after the loop from the tokens whose moves have outputs. Any other text takes the general path, a character at a time, where a
 * word is found by a 32-bit hash, filtered by its first and last characters and length, and then
 * checked character by character against the lexicon word (version 0.1 trusted the hash, so that
 * the CJK character U+36E9 was taken for the word "mi"). Both paths find exactly the same matches.
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

    /** Two phrases are equal when they match the same: the same tokens, both stems or neither. */
    @Override
    public boolean equals(Object other) {
      return other instanceof Phrase
          && ((Phrase) other).stem == stem
          && ((Phrase) other).tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
      return tokens.hashCode() * 2 + (stem ? 1 : 0);
    }
  }

  private static final byte SEPARATOR = 0;
  private static final byte WORD = 1;
  private static final byte MARK = 2;
  private static final byte APOSTROPHE = 3;
  private static final char[] FOLD = new char[Character.MAX_VALUE + 1];
  private static final byte[] CLASS = new byte[Character.MAX_VALUE + 1];
  private static final int MAX_STEMS_PER_WORD = 8;
  /** The most tokens a phrase may have: how far back a match starts must fit in 8 bits. */
  static final int MAX_PHRASE_TOKENS = 255;
  private static final int STEM_FILTER_SIZE = 2048;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  /*
   * A move, the packed transition of the automaton on one token: the next state in bits 0-19,
   * the index of its first output in bits 20-39, how many outputs it has (0, 1, or 2 for two or
   * more) in bits 40-41. The fast path's word table adds, so that a word's entry is also its move
   * from the root, bit 42 if some stem of the lexicon starts the word, and the word's symbol in
   * bits 43-63.
   */
  private static final int NEXT_MASK = (1 << 20) - 1;
  private static final int FIRST_SHIFT = 20;
  private static final int COUNT_SHIFT = 40;
  private static final int STEM_PREFIX_SHIFT = 42;
  private static final int SYMBOL_SHIFT = 43;
  /* An output: its phrase in bits 8-30, how many tokens back it starts in bits 0-7, and in bit 31
   * whether it is the last output of its move. */
  private static final int LAST_OUTPUT = 1 << 31;
  /** A fast-path token's outputs field when it completes a stem: its matches take the slow path. */
  private static final int STEM_TOKEN = 1 << 22;

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
   * Per state (a trie node with children, or the root; numbered densely, the root 0), its chain:
   * the state's node and every shorter path that is also a suffix of it and has children, longest
   * first, the root last, as trie nodes. These are the partial matches alive in that state.
   */
  private final int[] chainOffset;
  private final int[] chainNodes;
  /** The word-level automaton from the root: by word symbol, its move (see {@link #NEXT_MASK}). */
  private final long[] rootTransitions;
  /**
   * The other states' transitions that differ from the root's, keyed by {@link #moveKey}.
   */
  private final CuckooTable transitions;
  /**
   * Per state, bit {@code symbol % 64} set for every symbol with a transition in {@link
   * #transitions}: a clear bit spares the lookup of a transition that is the root's. Its length
   * is a power of two, so that a masked index needs no bounds check.
   */
  private final long[] transitionBits;
  /**
   * The outputs of the moves, each move's in a run (see {@link #LAST_OUTPUT}); the length is a
   * power of two, and entry 0 exists even if no move has an output.
   */
  private final int[] outputs;
  /** A power of two minus one, at least the longest phrase's token count minus one. */
  private final int ringMask;
  /** The fast path's exact tables: the Latin-1 words (marks included) and stems. */
  private final Latin1Words latin1Words;
  private final Latin1Words latin1Stems;
  /** By a hash of a word's first three bytes, the lengths of the stems that may start it. */
  private final long[] latin1StemLengths;
  /** By symbol, the folded word or stem: the general path checks each hit of its hash against it. */
  private final String[] spelling;

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
    outputs = b.outputs;
    ringMask = b.ringMask;
    latin1Words = b.latin1Words;
    latin1Stems = b.latin1Stems;
    latin1StemLengths = b.latin1StemLengths;
    spelling = b.spelling;
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
    CuckooTable transitions;
    long[] transitionBits;
    int[] outputs;
    int ringMask;
    Latin1Words latin1Words;
    Latin1Words latin1Stems;
    long[] latin1StemLengths;
    String[] spelling;

    private final List<Map<Integer, Integer>> children = new ArrayList<>();
    private final List<List<Integer>> ending = new ArrayList<>();
    private final List<Integer> parent = new ArrayList<>();
    private final List<Integer> edgeSymbol = new ArrayList<>();
    private final List<Integer> outputList = new ArrayList<>();
    private boolean[] isStem;
    /** By trie node, its state number, or -1 for a node without children. */
    private int[] stateOf;
    private int stateCount;

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
      checkArgument(symbols < 1 << (64 - SYMBOL_SHIFT), "the lexicon has too many words: %s",
          symbols);
      isStem = new boolean[symbols];
      spelling = new String[symbols];
      words.forEach((word, symbol) -> spelling[symbol] = word);
      stems.forEach((stem, symbol) -> spelling[symbol] = stem);
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
      checkArgument(longest <= MAX_PHRASE_TOKENS, "a phrase has more than %s tokens: %s",
          MAX_PHRASE_TOKENS, longest);
      checkArgument(phrases.size() < 1 << 23, "the lexicon is too large: %s phrases",
          phrases.size());
      ringMask = Integer.highestOneBit(longest) * 2 - 1;
      trie(phrases, words, stems);
      chains();
      automaton();
      latin1(words, stems);
    }

    /**
     * The fast path's tables: every word, stem and mark that Latin-1 can spell; a word's value is
     * its symbol and its move from the root, a stem's its symbol.
     */
    private void latin1(Map<String, Integer> words, Map<String, Integer> stems) {
      Latin1Words.Builder wordTable = new Latin1Words.Builder();
      Latin1Words.Builder stemTable = new Latin1Words.Builder();
      latin1StemLengths = new long[STEM_FILTER_SIZE];
      words.forEach(
          (word, symbol) -> {
            if (Latin1Words.fits(word)) {
              boolean stemPrefix = false;
              for (int n = 3; n <= word.length(); n++) {
                stemPrefix |= stems.containsKey(word.substring(0, n));
              }
              wordTable.put(word, (long) symbol << SYMBOL_SHIFT
                  | (stemPrefix ? 1L : 0L) << STEM_PREFIX_SHIFT | rootTransitions[symbol]);
            }
          });
      stems.forEach(
          (stem, symbol) -> {
            if (Latin1Words.fits(stem)) {
              stemTable.put(stem, symbol);
              long firstThree = stem.charAt(0) | stem.charAt(1) << 8 | stem.charAt(2) << 16;
              latin1StemLengths[stemFilterIndex(firstThree)] |= 1L << Math.min(stem.length(), 63);
            }
          });
      latin1Words = wordTable.build();
      latin1Stems = stemTable.build();
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
          // Every token of a phrase was given a symbol above.
          int symbol = requireNonNull(t == last && phrase.stem ? stems.get(token) : words.get(token));
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
      checkArgument((long) nodes * symbols < Integer.MAX_VALUE,
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

    /**
     * Numbers the states (the root 0, then the trie nodes with children, in order) and gives each
     * its chain: the suffixes of its path that are states, longest first, as trie nodes. A state's
     * number, not its node, is what the moves and the tables keyed by state use, so that those
     * tables are as small as the states are few.
     */
    private void chains() {
      int nodes = children.size();
      stateOf = new int[nodes];
      Arrays.fill(stateOf, -1);
      List<Integer> states = new ArrayList<>();
      for (int node = 0; node < nodes; node++) {
        if (isState(node)) {
          stateOf[node] = states.size();
          states.add(node);
        }
      }
      stateCount = states.size();
      checkArgument(stateCount <= NEXT_MASK, "the lexicon is too large: %s states", stateCount);
      chainOffset = new int[stateCount + 1];
      List<Integer> flat = new ArrayList<>();
      for (int state = 0; state < stateCount; state++) {
        chainOffset[state] = flat.size();
        int node = states.get(state);
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
      chainOffset[stateCount] = flat.size();
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
      transitionBits = new long[Integer.highestOneBit(stateCount) * 2];
      for (int state = 1; state < stateCount; state++) {
        Set<Integer> next = new TreeSet<>();
        for (int c = chainOffset[state]; c < chainOffset[state + 1]; c++) {
          if (chainNodes[c] != 0) {
            next.addAll(children.get(chainNodes[c]).keySet());
          }
        }
        for (int symbol : next) {
          if (!isStem[symbol]) {
            other.put(moveKey(state, symbol), transition(state, symbol));
            transitionBits[state] |= 1L << symbol;
          }
        }
      }
      transitions = CuckooTable.of(other);
      // The fast path reads the first output of every move, even of one without outputs.
      outputs = Arrays.copyOf(outputList.stream().mapToInt(Integer::intValue).toArray(),
          Integer.highestOneBit(Math.max(1, outputList.size())) * 2);
    }

    /** The packed transition from a state on a word symbol, its outputs appended to the list. */
    private long transition(int state, int symbol) {
      int first = outputList.size();
      int next = 0;
      for (int c = chainOffset[state]; c < chainOffset[state + 1]; c++) {
        int from = chainNodes[c];
        Integer child = children.get(from).get(symbol);
        if (child == null) {
          continue;
        }
        for (int phrase : ending.get(child)) {
          outputList.add(phrase << 8 | depth[from]);
        }
        if (next == 0 && !children.get(child).isEmpty()) {
          next = stateOf[child];
        }
      }
      int count = outputList.size() - first;
      if (count == 0) {
        first = 0;
      } else {
        outputList.set(outputList.size() - 1, outputList.get(outputList.size() - 1) | LAST_OUTPUT);
      }
      checkArgument(outputList.size() <= NEXT_MASK, "the lexicon is too large: %s outputs",
          outputList.size());
      return next | ((long) first << FIRST_SHIFT) | ((long) Math.min(count, 2) << COUNT_SHIFT);
    }
  }

  /**
   * The symbol of a word or mark of the text, 0 if not in the lexicon. A filter by first and last
   * character and length (8 KB, in the fastest cache) spares most other words the table lookup.
   */
  private int symbolOf(long h, char first, char last, int length) {
    long lengths = wordLengths[pairIndex(first, last)];
    return (lengths & (1L << Math.min(length, 63))) == 0 ? 0 : get(words, fold(h));
  }

  /** The packed transition from a state on a word symbol (0 for none: the root's, nothing). */
  private long transition(int state, int symbol) {
    return move(transitionBits, transitions.table, transitions.multiplier1,
        transitions.multiplier2, transitions.shift, state, symbol, rootTransitions[symbol]);
  }

  /**
   * The move from a state on a symbol, given the tables as arguments so that the fast path can
   * pass them from local variables: the root's move unless the state's mask and then the
   * transition table say otherwise.
   */
  private static long move(long[] stateBits, long[] table, long multiplier1, long multiplier2,
      int shift, int state, int symbol, long rootMove) {
    return (stateBits[state & (stateBits.length - 1)] >>> symbol & 1) == 0
        ? rootMove
        : CuckooTable.get(table, multiplier1, multiplier2, shift, moveKey(state, symbol), rootMove);
  }

  /** The key of a move from a state other than the root in {@link #transitions}: never 0. */
  private static long moveKey(int state, int symbol) {
    return (long) state << (64 - SYMBOL_SHIFT) | symbol;
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
    scan(text, 0, sink);
  }

  /**
   * Scans a text as {@link #scan(String, Sink)} does, from a given state (see {@link
   * #scan(String, Buffers, int)}).
   *
   * @param text the text
   * @param startState the state to start in, 0 for the start state
   * @param sink receives the matches
   */
  void scan(String text, int startState, Sink sink) {
    Buffers buffers = new Buffers(this);
    scan(text, buffers, startState);
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
    /** The fast path's text: folded Latin-1 bytes, padded with zeros to whole 8-byte chunks. */
    private byte[] bytes = new byte[272];
    /** Per 64 characters of the fast path's text: word characters, marks, apostrophes. */
    private long[] wordBits = new long[5];
    private long[] markBits = new long[5];
    private long[] apostropheBits = new long[5];
    private final int[] ring;
    private final int[] stemsFound = new int[MAX_STEMS_PER_WORD];
    /**
     * The fast path's tokens: by token, its first and one past its last character, and its move's
     * outputs (first output and count, see {@link #NEXT_MASK}, or {@link #STEM_TOKEN}); then the
     * tokens with outputs, in order. The lengths are a power of two above the text's length.
     */
    private int[] tokenFrom = new int[256];
    private int[] tokenTo = new int[256];
    private int[] tokenOutputs = new int[256];
    private int[] hits = new int[256];
    /** Per token that completes a stem, in order: state, symbol, stem count and the stems. */
    private int[] stemTokens = new int[4 * (3 + MAX_STEMS_PER_WORD)];
    /** The matches of the last scan, in the order found: phrase, start and end. */
    int[] phrase = new int[32];
    int[] start = new int[32];
    int[] end = new int[32];
    /** How many matches the last scan found. */
    int count;
    /**
     * Whether two matches of the last scan overlap (one starts before the one found before it
     * ends): only then can one lie inside another, or the order by start differ from the order
     * found.
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

    /** Makes room for the tokens of a text of the given length (at most one a character). */
    private void fitTokens(int length) {
      if (tokenFrom.length <= length) {
        int size = Integer.highestOneBit(length) * 2;
        tokenFrom = new int[size];
        tokenTo = new int[size];
        tokenOutputs = new int[size];
        hits = new int[size];
      }
    }

    /** Keeps what {@link #stemMatches} needs for the {@code index}-th token completing a stem. */
    private void saveStemToken(int index, int state, int symbol, int stemCount) {
      int at = index * (3 + MAX_STEMS_PER_WORD);
      if (at + 3 + MAX_STEMS_PER_WORD > stemTokens.length) {
        stemTokens = Arrays.copyOf(stemTokens, stemTokens.length * 2);
      }
      stemTokens[at] = state;
      stemTokens[at + 1] = symbol;
      stemTokens[at + 2] = stemCount;
      System.arraycopy(stemsFound, 0, stemTokens, at + 3, stemCount);
    }

    private void grow(int capacity) {
      int size = Math.max(capacity, phrase.length * 2);
      phrase = Arrays.copyOf(phrase, size);
      start = Arrays.copyOf(start, size);
      end = Arrays.copyOf(end, size);
    }

    private void add(int found, int from, int to) {
      int at = count;
      if (at == phrase.length) {
        grow(at + 1);
      }
      phrase[at] = found;
      start[at] = from;
      end[at] = to;
      count = at + 1;
      // The matches arrive ordered by end, so the one before has the latest end so far.
      nested |= at > 0 && from < end[at - 1];
    }
  }

  /**
   * Scans a text once with reusable buffers, leaving in them every phrase found, ordered by end
   * (and, for one end, longest first), as if a token read before the text had left the automaton
   * in {@code startState} (see {@link #stateAfter}; 0 for the start state); a match that starts
   * at that token starts at 0.
   *
   * <p>A text that Latin-1 can spell (typographic apostrophes, quotes and dashes allowed) takes the
   * fast path: its characters are classified and folded 8 at a time, and its tokens are then read
   * from bit masks and looked up in exact tables. Any other text takes the general path, one
   * character at a time. Both find the same matches.
   *
   * @param text the text
   * @param buffers working arrays, used by one thread at a time
   * @param startState the state to start in
   */
  void scan(String text, Buffers buffers, int startState) {
    buffers.count = 0;
    buffers.nested = false;
    if (!classifyLatin1(text, buffers)) {
      // The token before the text is token -1, which starts at 0; no real token is written to
      // its ring slot before a match reaching back to it ends (the ring outlasts any phrase).
      buffers.ring[ringMask] = 0;
      scanChars(text, buffers, startState);
      return;
    }
    scanLatin1(text.length(), buffers, startState);
  }

  /**
   * The state the automaton is in after reading one mark from the start state, to {@linkplain
   * #scan(String, Buffers, int) scan} from.
   *
   * @param mark one mark character (not a word, which could complete a stem)
   * @return the state
   * @throws IllegalArgumentException if {@code mark} is not one mark, or if that mark is itself a
   *     phrase, whose match the state would not report
   */
  int stateAfter(String mark) {
    List<String> tokens = tokens(mark);
    checkArgument(tokens.size() == 1 && !isWord(tokens.get(0)), "not one mark: '%s'", mark);
    char[] chars = (tokens.get(0) + "\0").toCharArray();
    int symbol = spelt(symbolOf(mix(0, FOLD[chars[0]]), FOLD[chars[0]], FOLD[chars[0]], 1),
        chars, 0, 1);
    long move = transition(0, symbol);
    checkArgument(((move >>> COUNT_SHIFT) & 3) == 0, "the mark is a phrase: '%s'", mark);
    return (int) move & NEXT_MASK;
  }

  /**
   * The fast path's token loop, over the bytes and bit masks that {@link #classifyLatin1} left in
   * the buffers, then the matches. The loop records, per token, its span and its move's outputs,
   * and appends the token to a list of hits if the move has outputs, without a branch; only a
   * token that completes a stem or a word of more than 8 characters takes a branch off the loop.
   * The matches are written afterwards, from the hits alone (4 in a text of 15 tokens, on the
   * development corpus). Every table the loop reads is first copied to a local variable, and its
   * indexes are masked with the table's length minus one: the JIT keeps the tables out of the
   * object graph (reached through fields, each cost a chain of dependent loads a token) and drops
   * the bounds checks.
   */
  private void scanLatin1(int length, Buffers buffers, int startState) {
    buffers.fitTokens(length);
    final byte[] bytes = buffers.bytes;
    final long[] wordBits = buffers.wordBits;
    final long[] markBits = buffers.markBits;
    final int[] tokenFrom = buffers.tokenFrom;
    final int[] tokenTo = buffers.tokenTo;
    final int[] tokenOutputs = buffers.tokenOutputs;
    final int[] hits = buffers.hits;
    final int tokenMask = tokenFrom.length - 1;
    final CuckooTable wordTable = latin1Words.shortWords;
    final long[] words = wordTable.table;
    final long wordMultiplier1 = wordTable.multiplier1;
    final long wordMultiplier2 = wordTable.multiplier2;
    final int wordShift = wordTable.shift;
    final long[] moves = transitions.table;
    final long moveMultiplier1 = transitions.multiplier1;
    final long moveMultiplier2 = transitions.multiplier2;
    final int moveShift = transitions.shift;
    final long[] moveBits = transitionBits;
    final long[] stemFilter = latin1StemLengths;
    int blocks = (length + 63) >>> 6;
    // The token before the text (token -1, see scan) starts at 0; no real token reaches its slot.
    tokenFrom[tokenMask] = 0;
    int state = startState;
    int token = 0;
    int hitCount = 0;
    int stemTokenCount = 0;
    long carry = 0;
    for (int block = 0; block < blocks; block++) {
      long wordMask = wordBits[block];
      long marks = markBits[block];
      long starts = (wordMask & ~((wordMask << 1) | carry)) | marks;
      carry = wordMask >>> 63;
      int base = block << 6;
      while (starts != 0) {
        int bit = Long.numberOfTrailingZeros(starts);
        starts &= starts - 1;
        int from = base + bit;
        // A mark is one character; a word runs to the first clear bit of the word bits.
        long rest = ~wordMask >>> bit;
        int n = rest != 0
            ? Long.numberOfTrailingZeros(rest) + (int) ((marks >>> bit) & 1)
            : wordEnd(wordBits, block + 1) - from;
        long first = (long) Latin1Words.LONGS.get(bytes, from);
        // The word's symbol and its move from the root, in one entry.
        long word = n <= 8
            ? CuckooTable.get(words, wordMultiplier1, wordMultiplier2, wordShift,
                Latin1Words.prefix(first, n), 0)
            : latin1Words.value(bytes, from, n);
        int symbol = (int) (word >>> SYMBOL_SHIFT);
        long move = move(moveBits, moves, moveMultiplier1, moveMultiplier2, moveShift, state,
            symbol, word);
        int outputs = (int) (move >>> FIRST_SHIFT) & (STEM_TOKEN - 1);
        // A lexicon word knows whether a stem starts it; any other word goes through the filter
        // of stem lengths by first three characters (a word or mark of fewer has none).
        if (word == 0 | (word & 1L << STEM_PREFIX_SHIFT) != 0) {
          long lengths = stemFilter[stemFilterIndex(first) & (stemFilter.length - 1)]
              & (-1L >>> (63 - Math.min(n, 63))) & ~7L;
          int stemCount = lengths == 0 ? 0 : latin1Stems(bytes, from, first, lengths, buffers);
          if (stemCount != 0) {
            buffers.saveStemToken(stemTokenCount++, state, symbol, stemCount);
            outputs = STEM_TOKEN;
          }
        }
        int at = token & tokenMask;
        tokenFrom[at] = from;
        tokenTo[at] = from + n;
        tokenOutputs[at] = outputs;
        hits[hitCount & tokenMask] = token;
        hitCount += -(outputs >>> (COUNT_SHIFT - FIRST_SHIFT)) >>> 31; // 1 if any output or stem
        state = (int) move & NEXT_MASK;
        token++;
      }
    }
    matches(hitCount, tokenMask, buffers);
  }

  /** Writes the matches of the fast path's hits into the buffers, in the order of the hits. */
  private void matches(int hitCount, int tokenMask, Buffers buffers) {
    int[] tokenFrom = buffers.tokenFrom;
    int[] tokenTo = buffers.tokenTo;
    int stemTokenCount = 0;
    for (int h = 0; h < hitCount; h++) {
      int token = buffers.hits[h];
      int outputs = buffers.tokenOutputs[token];
      int end = tokenTo[token];
      if (outputs == STEM_TOKEN) {
        int at = stemTokenCount++ * (3 + MAX_STEMS_PER_WORD);
        int[] saved = buffers.stemTokens;
        System.arraycopy(saved, at + 3, buffers.stemsFound, 0, saved[at + 2]);
        stemMatches(saved[at], saved[at + 1], token, end, buffers.stemsFound, saved[at + 2],
            tokenFrom, tokenMask, buffers);
        continue;
      }
      addOutputs(outputs & NEXT_MASK, token, end, tokenFrom, tokenMask, buffers);
    }
  }

  /**
   * Records the outputs of a move, the run from {@code first} to the output that carries {@link
   * #LAST_OUTPUT}; each starts at the token it names, looked up in {@code starts} (a ring of token
   * starts with its mask, or every token's start with mask -1).
   */
  private void addOutputs(int first, int token, int end, int[] starts, int startMask,
      Buffers buffers) {
    for (int at = first; ; at++) {
      int output = outputs[at];
      buffers.add((output & ~LAST_OUTPUT) >>> 8, starts[(token - (output & 0xFF)) & startMask], end);
      if ((output & LAST_OUTPUT) != 0) {
        return;
      }
    }
  }

  /** The symbol if the folded characters spell its word or stem, else 0: a hash is not proof. */
  private int spelt(int symbol, char[] chars, int start, int n) {
    if (symbol == 0) {
      return 0;
    }
    String word = spelling[symbol];
    if (word.length() != n) {
      return 0;
    }
    for (int k = 0; k < n; k++) {
      if (FOLD[chars[start + k]] != word.charAt(k)) {
        return 0;
      }
    }
    return symbol;
  }

  /** The slot of the stem filter for a word's first three bytes (the bytes above are ignored). */
  private static int stemFilterIndex(long firstBytes) {
    return (int) (((firstBytes & 0xFFFFFF) * 0x9E3779B97F4A7C15L)
        >>> (64 - Integer.numberOfTrailingZeros(STEM_FILTER_SIZE)));
  }

  /** Looks the stems of the given lengths up, shortest first; returns how many were found. */
  private int latin1Stems(byte[] bytes, int start, long first, long lengths, Buffers buffers) {
    int[] stemsFound = buffers.stemsFound;
    int stemCount = 0;
    for (long rest = lengths; rest != 0 && stemCount < MAX_STEMS_PER_WORD; rest &= rest - 1) {
      int stemLength = Long.numberOfTrailingZeros(rest);
      int stem = (int) (stemLength <= 8
          ? latin1Stems.value(Latin1Words.prefix(first, stemLength))
          : latin1Stems.value(bytes, start, stemLength));
      if (stem != 0) {
        stemsFound[stemCount++] = stem;
      }
    }
    return stemCount;
  }

  /** Where a word that runs past a block ends: the first clear bit from the block {@code from}. */
  private static int wordEnd(long[] wordBits, int from) {
    for (int block = from; ; block++) {
      long rest = ~wordBits[block];
      if (rest != 0) {
        return (block << 6) + Long.numberOfTrailingZeros(rest);
      }
    }
  }

  /** Per byte, high bit set where the byte equals {@code c}: exact, no borrow between bytes. */
  private static long bytesEqual(long v, int c) {
    long x = v ^ (c * ONES);
    return ~(((x & LOW7) + LOW7) | x | LOW7);
  }

  /** The high bits of a byte mask gathered into 8 bits, byte 0 to bit 0. */
  private static long gather(long highBits) {
    return ((highBits >>> 7) * 0x0102040810204080L) >>> 56;
  }

  /**
   * The fast path's first pass: copies a text as folded Latin-1 bytes and sets, per 64 characters,
   * the bits of word characters (apostrophes between word characters included) and of marks.
   * Returns false, having used nothing, if some character of the text is beyond Latin-1 and is
   * neither an apostrophe nor a separator.
   */
  private static boolean classifyLatin1(String text, Buffers buffers) {
    int length = text.length();
    int chunks = (length + 7) >>> 3;
    int blocks = (length + 63) >>> 6;
    if (buffers.bytes.length < (chunks << 3) + 8) {
      buffers.bytes = new byte[(chunks << 3) + 16];
    }
    if (buffers.wordBits.length <= blocks + 1) {
      buffers.wordBits = new long[blocks + 2];
      buffers.markBits = new long[blocks + 2];
      buffers.apostropheBits = new long[blocks + 2];
    }
    byte[] bytes = buffers.bytes;
    long[] wordBits = buffers.wordBits;
    long[] markBits = buffers.markBits;
    long[] apostropheBits = buffers.apostropheBits;
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    if (latin1.length != length) {
      return false; // a surrogate pair became one '?'
    }
    System.arraycopy(latin1, 0, bytes, 0, length);
    Arrays.fill(bytes, length, (chunks << 3) + 8, (byte) 0);
    long words = 0;
    long marks = 0;
    long apostrophes = 0;
    for (int chunk = 0; chunk < chunks; chunk++) {
      int at = chunk << 3;
      long v = (long) Latin1Words.LONGS.get(bytes, at);
      long questions = bytesEqual(v, '?');
      if (questions != 0) {
        if (!replaced(text, bytes, at, questions)) {
          return false;
        }
        v = (long) Latin1Words.LONGS.get(bytes, at);
      }
      long word;
      long mark;
      long apostrophe;
      if ((v & HIGH) == 0) {
        long upper = (v + 0x3F * ONES) & ~(v + 0x25 * ONES) & HIGH;
        long folded = v | (upper >>> 2);
        folded ^= (bytesEqual(v, '`') >>> 7) * ('`' ^ '\'');
        Latin1Words.LONGS.set(bytes, at, folded);
        long letter = (folded + 0x1F * ONES) & ~(folded + 0x05 * ONES);
        long digit = (v + 0x50 * ONES) & ~(v + 0x46 * ONES);
        long wordHigh = (letter | digit | bytesEqual(v, '&')) & HIGH;
        long apostropheHigh = bytesEqual(folded, '\'');
        long separatorHigh = (~(v + 0x5F * ONES) | bytesEqual(v, 0x7F) | bytesEqual(v, '-')
            | bytesEqual(v, '"')) & HIGH;
        word = gather(wordHigh);
        apostrophe = gather(apostropheHigh);
        mark = gather(HIGH & ~(wordHigh | apostropheHigh | separatorHigh));
      } else {
        word = 0;
        mark = 0;
        apostrophe = 0;
        for (int j = 0; j < 8; j++) {
          int c = bytes[at + j] & 0xFF;
          byte kind = CLASS[c];
          bytes[at + j] = (byte) FOLD[c];
          word |= (kind == WORD ? 1L : 0L) << j;
          mark |= (kind == MARK ? 1L : 0L) << j;
          apostrophe |= (kind == APOSTROPHE ? 1L : 0L) << j;
        }
      }
      int shift = (chunk & 7) << 3;
      words |= word << shift;
      marks |= mark << shift;
      apostrophes |= apostrophe << shift;
      if ((chunk & 7) == 7 || chunk == chunks - 1) {
        int block = chunk >>> 3;
        wordBits[block] = words;
        markBits[block] = marks;
        apostropheBits[block] = apostrophes;
        words = 0;
        marks = 0;
        apostrophes = 0;
      }
    }
    wordBits[blocks] = 0;
    markBits[blocks] = 0;
    // An apostrophe joins a word when word characters stand on both sides of it.
    long before = 0;
    for (int block = 0; block < blocks; block++) {
      long plain = wordBits[block];
      long joined = apostropheBits[block] & ((plain << 1) | before)
          & ((plain >>> 1) | (wordBits[block + 1] << 63));
      before = plain >>> 63;
      wordBits[block] = plain | joined;
    }
    return true;
  }

  /**
   * Handles the {@code ?} bytes of one chunk: a {@code ?} that stands for a character beyond
   * Latin-1 becomes its fold if that character is an apostrophe or a separator; any other such
   * character makes the text one for the general path.
   */
  private static boolean replaced(String text, byte[] bytes, int at, long questions) {
    for (long q = questions; q != 0; q &= q - 1) {
      int i = at + (Long.numberOfTrailingZeros(q) >>> 3);
      char c = text.charAt(i);
      if (c == '?') {
        continue;
      }
      byte kind = CLASS[c];
      if (kind != APOSTROPHE && kind != SEPARATOR) {
        return false;
      }
      bytes[i] = (byte) FOLD[c];
    }
    return true;
  }

  /**
   * The general path's step: feeds one token to the automaton and records the phrases it
   * completes; returns the next state. A token that is no lexicon word (symbol 0) takes the root's
   * transition on 0, to the root with no output.
   *
   * @param symbol the token's word symbol, 0 if it is no lexicon word
   * @param stemCount how many stems the token completes, their symbols in the buffers
   */
  private int step(int state, int symbol, int token, int start, int end, int stemCount,
      Buffers buffers) {
    int[] ring = buffers.ring;
    ring[token & ringMask] = start;
    long move = transition(state, symbol);
    if (stemCount != 0) {
      stemMatches(state, symbol, token, end, buffers.stemsFound, stemCount, ring, ringMask,
          buffers);
    } else if (((move >>> COUNT_SHIFT) & 3) != 0) {
      addOutputs((int) (move >>> FIRST_SHIFT) & NEXT_MASK, token, end, ring, ringMask, buffers);
    }
    return (int) move & NEXT_MASK;
  }

  /** The general path: one character at a time, for any text. */
  private void scanChars(String text, Buffers buffers, int startState) {
    int length = text.length();
    if (buffers.chars.length <= length) {
      buffers.chars = new char[length + 1];
    }
    char[] chars = buffers.chars;
    text.getChars(0, length, chars, 0);
    chars[length] = 0;
    int[] stemsFound = buffers.stemsFound;
    int state = startState;
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
            int stem = spelt(get(stems, fold(h)), chars, start, n);
            if (stem != 0) {
              stemsFound[stemCount++] = stem;
            }
          }
        }
      }
      int symbol = spelt(symbolOf(h, FOLD[c], FOLD[chars[i - 1]], n), chars, start, n);
      state = step(state, symbol, token, start, i, stemCount, buffers);
      token++;
    }
  }

  /**
   * The slow path for a token that completes a stem: every partial match of the state, longest
   * first, reports its stems' phrases and then its word's, as the automaton's outputs would.
   */
  private void stemMatches(int state, int symbol, int token, int end, int[] stemsFound,
      int stemCount, int[] starts, int startMask, Buffers buffers) {
    for (int c = chainOffset[state]; c < chainOffset[state + 1]; c++) {
      int node = chainNodes[c];
      int from = starts[(token - depth[node]) & startMask];
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
        + " trie nodes, " + (chainOffset.length - 1) + " states, " + transitions.slots()
        + " transition slots}";
  }
}
