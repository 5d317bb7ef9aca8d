package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;

/**
 * A parsed lexicon: the weighted phrases that are evidence for each kind, and the small decision
 * table (biases, phase and role priors, defaults, threshold) that turns evidence into a kind. The
 * text format is documented in {@code docs/classifier.md} and in the head of the standard lexicon.
 * Arrays indexed by kind use {@link ContributionKind#ordinal()}.
 */
final class Lexicon {
  /** One phrase of the lexicon. */
  static final class Entry {
    final String family;

    /** The phrase as the lexicon writes it, spaces made single. */
    final String text;

    final ContributionKind kind;
    final double weight;

    /** The index of its phrase in {@link Lexicon#phrases}. */
    final int phrase;

    Entry(String family, String text, ContributionKind kind, double weight, int phrase) {
      this.family = family;
      this.text = text;
      this.kind = kind;
      this.weight = weight;
      this.phrase = phrase;
    }

    /** The entry's name as a cue: its family and its phrase, {@code family:phrase}. */
    String name() {
      return family + ":" + text;
    }
  }

  /**
   * A {@code @mention} rule: when every cue of {@link #kind} with a positive weight is from one of
   * {@link #families} (words that name a thing, such as a drug or a test, rather than propose it),
   * and one of {@link #triggers} also has such a cue, the kind's evidence counts {@link #factor}
   * times.
   */
  static final class Mention {
    final ContributionKind kind;
    final double factor;
    final ImmutableList<ContributionKind> triggers;
    final ImmutableList<String> families;

    Mention(
        ContributionKind kind,
        double factor,
        ImmutableList<ContributionKind> triggers,
        ImmutableList<String> families) {
      this.kind = kind;
      this.factor = factor;
      this.triggers = triggers;
      this.families = families;
    }
  }

  private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
  private static final Splitter WORDS = Splitter.on(WHITESPACE).omitEmptyStrings();
  private static final int KINDS = ContributionKind.values().length;

  /** The most words and marks a phrase may have. */
  static final int MAX_PHRASE_TOKENS = 255;

  final ImmutableList<Entry> entries;

  /** The distinct phrases of the entries, in the order of first use. */
  final ImmutableList<PhraseTrie.Phrase> phrases;

  final double[] bias;
  final double[][] phasePrior;
  final double[][] rolePrior;

  /** The kind to fall back on per phase; index {@code Phase.values().length} is "phase unknown". */
  final ContributionKind[] fallback;

  final double threshold;

  /** The evidence at which a kind wins over every kind below it in {@link #PRIORITY}. */
  final double[] decisive;

  /**
   * By kind, the families one of whose cues the text must have for the kind to count at all
   * ({@code @requires}); empty for a kind without the directive.
   */
  final ImmutableList<ImmutableList<String>> required;

  /** The {@code @mention} rules, at most one a kind. */
  final ImmutableList<Mention> mentions;

  /**
   * Whether the lexicon decides linearly ({@code @decision linear}), as a fitted model does: every
   * kind gets its bias and priors, every match counts (no containment), and the kind with the
   * most evidence wins, ties going to the labelling priority; {@code @decisive}, {@code
   * @threshold} and {@code @default} are not used.
   */
  final boolean linear;

  /** A phrase is reported as a cue only if its weight is above this ({@code @cue-threshold}). */
  final double cueThreshold;

  /**
   * The mark that a text is read as starting with ({@code @start-mark}), so that a phrase can stand
   * at the start of a text ("¶ has" is "has" as the first word); null for none.
   */
  final @Nullable String startMark;

  private Lexicon(
      ImmutableList<Entry> entries,
      ImmutableList<PhraseTrie.Phrase> phrases,
      double[] bias,
      double[][] phasePrior,
      double[][] rolePrior,
      ContributionKind[] fallback,
      double threshold,
      double[] decisive,
      ImmutableList<ImmutableList<String>> required,
      ImmutableList<Mention> mentions,
      boolean linear,
      double cueThreshold,
      @Nullable String startMark) {
    this.entries = entries;
    this.phrases = phrases;
    this.startMark = startMark;
    this.linear = linear;
    this.cueThreshold = cueThreshold;
    this.required = required;
    this.mentions = mentions;
    this.decisive = decisive;
    this.bias = bias;
    this.phasePrior = phasePrior;
    this.rolePrior = rolePrior;
    this.fallback = fallback;
    this.threshold = threshold;
  }

  /**
   * Reads a lexicon.
   *
   * @param reader the lexicon text; read to its end, not closed
   * @param source the name to give in error messages
   * @return the lexicon
   * @throws IOException if the reader fails
   * @throws LexiconFormatException if a line is malformed, naming the line
   */
  static Lexicon parse(Reader reader, String source) throws IOException {
    checkNotNull(reader, "reader");
    checkNotNull(source, "source");
    Parser parser = new Parser(source);
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      parser.line(number, line);
    }
    return parser.finish(number);
  }

  /** The state of one parse: what has been read so far and where. */
  private static final class Parser {
    private final String source;
    private final List<Entry> entries = new ArrayList<>();
    private final List<PhraseTrie.Phrase> phrases = new ArrayList<>();

    /** By phrase, its index in {@link #phrases}. */
    private final Map<PhraseTrie.Phrase, Integer> phraseIndex = new HashMap<>();

    /** By phrase index, by kind, the line of its entry, 0 for none. */
    private final List<int[]> entryLines = new ArrayList<>();

    /** The last entry's phrase as written, as the entry keeps it, and its index (-1 for none). */
    private String lastWritten = "";

    private String lastText = "";
    private int lastPhrase = -1;
    private final double[] bias = new double[KINDS];
    private final double[][] phasePrior = new double[Phase.values().length][KINDS];
    private final double[][] rolePrior = new double[SpeakerRole.values().length][KINDS];
    private final ContributionKind[] fallback = new ContributionKind[Phase.values().length + 1];
    private final double[] decisive = new double[KINDS];
    private final List<ImmutableList<String>> required =
        new ArrayList<>(Collections.nCopies(KINDS, ImmutableList.of()));
    private final List<Mention> mentions = new ArrayList<>();

    /** The families that directives name, with the line of the first that names each. */
    private final Map<String, Integer> familiesNamed = new HashMap<>();

    private String family = "cue";
    private boolean linear;
    private double cueThreshold;
    private @Nullable String startMark;
    private double threshold = 0;
    private int lineNumber;

    Parser(String source) {
      this.source = source;
      Arrays.fill(decisive, Double.POSITIVE_INFINITY);
    }

    void line(int number, String raw) {
      lineNumber = number;
      String line = stripComment(raw).trim();
      if (line.isEmpty()) {
        return;
      }
      if (line.startsWith("@")) {
        directive(line);
      } else {
        entry(line);
      }
    }

    private static String stripComment(String line) {
      int hash = line.indexOf('#');
      return hash < 0 ? line : line.substring(0, hash);
    }

    private void directive(String line) {
      List<String> words = WORDS.splitToList(line);
      String name = words.get(0);
      switch (name) {
        case "@family":
          arity(words, 2, "@family NAME");
          family = words.get(1);
          break;
        case "@threshold":
          arity(words, 2, "@threshold WEIGHT");
          threshold = weight(words.get(1));
          break;
        case "@bias":
          arity(words, 3, "@bias KIND WEIGHT");
          bias[kind(words.get(1)).ordinal()] = weight(words.get(2));
          break;
        case "@decisive":
          arity(words, 3, "@decisive KIND WEIGHT");
          decisive[kind(words.get(1)).ordinal()] = weight(words.get(2));
          break;
        case "@prior":
          arity(words, 5, "@prior phase|role NAME KIND WEIGHT");
          prior(words);
          break;
        case "@default":
          arity(words, 3, "@default PHASE|* KIND");
          ContributionKind kind = kind(words.get(2));
          if (words.get(1).equals("*")) {
            fallback[Phase.values().length] = kind;
          } else {
            fallback[constant(Phase.class, words.get(1), "phase").ordinal()] = kind;
          }
          break;
        case "@requires":
          if (words.size() < 3) {
            throw fail("expected '@requires KIND FAMILY...' but found " + words.size() + " fields");
          }
          ImmutableList.Builder<String> families = ImmutableList.builder();
          for (String family : words.subList(2, words.size())) {
            families.add(named(family));
          }
          required.set(kind(words.get(1)).ordinal(), families.build());
          break;
        case "@mention":
          mention(words);
          break;
        case "@cue-threshold":
          arity(words, 2, "@cue-threshold WEIGHT");
          cueThreshold = weight(words.get(1));
          if (cueThreshold < 0) {
            throw fail("@cue-threshold must not be negative, but was " + words.get(1));
          }
          break;
        case "@start-mark":
          arity(words, 2, "@start-mark MARK");
          List<String> markTokens = PhraseTrie.tokens(words.get(1));
          if (markTokens.size() != 1
              || PhraseTrie.isWord(markTokens.get(0))
              || words.get(1).length() != 1) {
            throw fail(
                "@start-mark takes one mark character, such as \u00b6, not '" + words.get(1) + "'");
          }
          startMark = words.get(1);
          break;
        case "@decision":
          arity(words, 2, "@decision table|linear");
          if (!words.get(1).equals("table") && !words.get(1).equals("linear")) {
            throw fail("@decision is 'table' or 'linear', not '" + words.get(1) + "'");
          }
          linear = words.get(1).equals("linear");
          break;
        default:
          throw fail(
              "unknown directive '"
                  + name
                  + "' (expected @family, @threshold, @bias,"
                  + " @decisive, @prior, @default, @requires, @mention, @decision, @cue-threshold or"
                  + " @start-mark)");
      }
    }

    /** {@code @mention KIND FACTOR TRIGGER-KIND... FAMILY...}: kinds and families in any order. */
    private void mention(List<String> words) {
      String shape = "@mention KIND FACTOR KIND... FAMILY...";
      if (words.size() < 5) {
        throw fail("expected '" + shape + "' but found " + words.size() + " fields");
      }
      ContributionKind kind = kind(words.get(1));
      double factor = weight(words.get(2));
      if (factor < 0 || factor > 1) {
        throw fail("the factor of @mention must be between 0 and 1, but was " + words.get(2));
      }
      ImmutableList.Builder<ContributionKind> triggers = ImmutableList.builder();
      ImmutableList.Builder<String> families = ImmutableList.builder();
      for (String word : words.subList(3, words.size())) {
        if (isKind(word)) {
          triggers.add(kind(word));
        } else {
          families.add(named(word));
        }
      }
      Mention rule = new Mention(kind, factor, triggers.build(), families.build());
      if (rule.triggers.isEmpty() || rule.families.isEmpty()) {
        throw fail("expected '" + shape + "': at least one kind and one family");
      }
      for (Mention other : mentions) {
        if (other.kind == kind) {
          throw fail("@mention for " + kind + " is given twice");
        }
      }
      mentions.add(rule);
    }

    private static boolean isKind(String word) {
      for (ContributionKind kind : ContributionKind.values()) {
        if (kind.name().equalsIgnoreCase(word)) {
          return true;
        }
      }
      return false;
    }

    /** A family a directive names, remembered so that the end of the parse can check it. */
    private String named(String family) {
      familiesNamed.putIfAbsent(family, lineNumber);
      return family;
    }

    private void prior(List<String> words) {
      ContributionKind kind = kind(words.get(3));
      double weight = weight(words.get(4));
      switch (words.get(1)) {
        case "phase":
          phasePrior[constant(Phase.class, words.get(2), "phase").ordinal()][kind.ordinal()] =
              weight;
          break;
        case "role":
          rolePrior[constant(SpeakerRole.class, words.get(2), "role").ordinal()][kind.ordinal()] =
              weight;
          break;
        default:
          throw fail("@prior applies to 'phase' or 'role', not '" + words.get(1) + "'");
      }
    }

    private void arity(List<String> words, int expected, String shape) {
      if (words.size() != expected) {
        throw fail("expected '" + shape + "' but found " + words.size() + " fields");
      }
    }

    /**
     * Reads {@code KIND WEIGHT PHRASE}: the hot loop of a load, tens of thousands of lines for a
     * fitted model, so the fields are found by hand rather than by a splitter.
     */
    private void entry(String line) {
      int kindEnd = nextSpace(line, 0);
      int weightStart = nextWord(line, kindEnd);
      int weightEnd = nextSpace(line, weightStart);
      int phraseStart = nextWord(line, weightEnd);
      if (phraseStart == line.length()) {
        throw fail("expected 'KIND WEIGHT PHRASE' but found '" + line + "'");
      }
      ContributionKind kind = kind(line.substring(0, kindEnd));
      double weight = weight(line.substring(weightStart, weightEnd));
      // A fitted model gives each phrase a line for each kind, one after the other.
      if (lastPhrase < 0
          || line.length() - phraseStart != lastWritten.length()
          || !line.startsWith(lastWritten, phraseStart)) {
        String written = line.substring(phraseStart);
        String text = singleSpaced(written);
        lastPhrase = phrase(text);
        lastWritten = written;
        lastText = text;
      }
      int[] lines = entryLines.get(lastPhrase);
      if (lines[kind.ordinal()] != 0) {
        throw fail(
            "phrase '"
                + lastText
                + "' for "
                + kind
                + " is already on line "
                + lines[kind.ordinal()]);
      }
      lines[kind.ordinal()] = lineNumber;
      entries.add(new Entry(family, lastText, kind, weight, lastPhrase));
    }

    /** The index of a phrase as an entry writes it, the phrase added if it is new. */
    private int phrase(String phrase) {
      boolean stem = phrase.endsWith("*");
      String body = stem ? phrase.substring(0, phrase.length() - 1) : phrase;
      if (body.indexOf('*') >= 0) {
        throw fail("phrase '" + phrase + "' has a '*' before its end; a wildcard may only end it");
      }
      ImmutableList<String> tokens = PhraseTrie.tokens(body);
      if (tokens.isEmpty()) {
        throw fail("phrase '" + phrase + "' has no words or marks to match");
      }
      if (tokens.size() > MAX_PHRASE_TOKENS) {
        throw fail(
            "phrase has "
                + tokens.size()
                + " words and marks; at most "
                + MAX_PHRASE_TOKENS
                + " are allowed");
      }
      String last = tokens.get(tokens.size() - 1);
      if (stem
          && (body.endsWith(" ")
              || !PhraseTrie.isWord(last)
              || last.length() < PhraseTrie.SHORTEST_STEM)) {
        throw fail("phrase '" + phrase + "' puts '*' after less than a 3-letter word");
      }
      PhraseTrie.Phrase compiled = new PhraseTrie.Phrase(tokens, stem);
      Integer known = phraseIndex.putIfAbsent(compiled, phrases.size());
      if (known != null) {
        return known;
      }
      phrases.add(compiled);
      entryLines.add(new int[KINDS]);
      return phrases.size() - 1;
    }

    /** The index of the first whitespace at or after {@code from}, or the length. */
    private static int nextSpace(String line, int from) {
      int i = from;
      while (i < line.length() && !isSpace(line.charAt(i))) {
        i++;
      }
      return i;
    }

    /** The index of the first character at or after {@code from} that is not whitespace. */
    private static int nextWord(String line, int from) {
      int i = from;
      while (i < line.length() && isSpace(line.charAt(i))) {
        i++;
      }
      return i;
    }

    /** Whether a character is whitespace; a printable ASCII character, the most, never is. */
    private static boolean isSpace(char c) {
      return (c <= ' ' || c >= 0x7f) && WHITESPACE.matches(c);
    }

    /** The words of a text, joined by single spaces. */
    private static String singleSpaced(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (WHITESPACE.matches(c)
            && (c != ' ' || i + 1 == text.length() || WHITESPACE.matches(text.charAt(i + 1)))) {
          return String.join(" ", WORDS.split(text));
        }
      }
      return text;
    }

    private ContributionKind kind(String word) {
      return constant(ContributionKind.class, word, "kind");
    }

    private <E extends Enum<E>> E constant(Class<E> type, String word, String what) {
      try {
        return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw fail("unknown " + what + " '" + word + "'");
      }
    }

    private double weight(String word) {
      try {
        double weight = Double.parseDouble(word);
        if (!Double.isFinite(weight)) {
          throw fail("weight must be a finite number, but was '" + word + "'");
        }
        return weight;
      } catch (NumberFormatException e) {
        throw fail("weight must be a number, but was '" + word + "'");
      }
    }

    private LexiconFormatException fail(String problem) {
      return new LexiconFormatException(source, lineNumber, problem);
    }

    Lexicon finish(int lines) {
      if (entries.isEmpty()) {
        throw new LexiconFormatException(source, Math.max(1, lines), "the lexicon has no entries");
      }
      if (fallback[Phase.values().length] == null) {
        throw new LexiconFormatException(
            source,
            Math.max(1, lines),
            "the lexicon has no '@default * KIND' line for contributions without cues");
      }
      for (int p = 0; p < Phase.values().length; p++) {
        if (fallback[p] == null) {
          fallback[p] = fallback[Phase.values().length];
        }
      }
      Integer mark =
          startMark == null
              ? null
              : phraseIndex.get(new PhraseTrie.Phrase(PhraseTrie.tokens(startMark), false));
      if (mark != null) {
        for (int line : entryLines.get(mark)) {
          if (line != 0) {
            throw new LexiconFormatException(
                source,
                line,
                "the phrase '"
                    + startMark
                    + "' is only the start mark, which every text starts with: it would count in"
                    + " every text");
          }
        }
      }
      Set<String> families = new HashSet<>();
      entries.forEach(entry -> families.add(entry.family));
      for (Map.Entry<String, Integer> named : familiesNamed.entrySet()) {
        if (!families.contains(named.getKey())) {
          throw new LexiconFormatException(
              source, named.getValue(), "no entry is in the family '" + named.getKey() + "'");
        }
      }
      return new Lexicon(
          ImmutableList.copyOf(entries),
          ImmutableList.copyOf(phrases),
          bias.clone(),
          phasePrior,
          rolePrior,
          fallback,
          threshold,
          decisive,
          ImmutableList.copyOf(required),
          ImmutableList.copyOf(mentions),
          linear,
          cueThreshold,
          startMark);
    }
  }

  /**
   * The kinds in labelling priority order, highest first, as docs/format.md gives it and the labels
   * use it.
   */
  static final ImmutableList<ContributionKind> PRIORITY = ContributionKind.byPriority();
}
