package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * The built-in explainable classifier: weighted phrases from a lexicon, found in one pass over the
 * text, and a small decision table.
 *
 * <p>How it decides, for a text with its phase and the speaker's role where known:
 *
 * <ol>
 *   <li>One left-to-right pass over the characters (folded: lower case, typographic apostrophes
 *       made plain, dashes made spaces) splits the text into words and marks and finds every
 *       lexicon phrase, on whole words, a trailing {@code *} matching any word ending (see {@code
 *       PhraseMatcher}). Where two phrases of the same kind overlap so that one lies inside the
 *       other, only the longer one counts: a specific phrase replaces a general one rather than
 *       adding to it.
 *   <li>Each kind's evidence is the sum of its phrases' weights. A kind with at least one phrase
 *       also gets its {@code @bias} and the {@code @prior}s for the phase and the role; a kind
 *       with no phrase gets nothing, so a phase or a role alone never decides.
 *   <li>Going down the labelling priority (NEW_CASE &gt; JUDGEMENT &gt; CLINICAL &gt;
 *       FACILITATION &gt; QUESTION &gt; SPECULATION &gt; FEELING), the first kind whose evidence
 *       reaches its {@code @decisive} level wins: a clear clinical proposal made as a question is
 *       CLINICAL however question-like it is. Otherwise the kind with the most evidence wins, a
 *       tie going to the higher priority. If that kind does not reach the {@code @threshold}, the
 *       {@code @default} kind of the phase is given, with no cues.
 * </ol>
 *
 * <p>The cues reported are the counted phrases of the winning kind, in text order. Instances are
 * immutable and safe to share between threads; each thread keeps its own working arrays, so
 * {@link #classify} allocates only the classification it returns, and nothing per character.
 */
public final class LexiconClassifier implements ContributionClassifier {
  /** The classpath resource of the standard English lexicon. */
  public static final String STANDARD_LEXICON = "lexicon-en.txt";

  private static final ContributionKind[] KINDS = ContributionKind.values();
  private static final int[] RANK = Lexicon.priorityRanks();

  private static volatile LexiconClassifier standard;

  private final Lexicon lexicon;
  private final PhraseMatcher matcher;
  /** Per thread, the working arrays of a classification: nothing is allocated but the result. */
  private final ThreadLocal<Hits> scratch = ThreadLocal.withInitial(Hits::new);
  private final String[] names;
  private final int[] kindOf;
  private final double[] weightOf;

  private LexiconClassifier(Lexicon lexicon) {
    this.lexicon = lexicon;
    int size = lexicon.entries.size();
    names = new String[size];
    kindOf = new int[size];
    weightOf = new double[size];
    List<PhraseMatcher.Phrase> phrases = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Lexicon.Entry entry = lexicon.entries.get(i);
      names[i] = entry.name;
      kindOf[i] = entry.kind.ordinal();
      weightOf[i] = entry.weight;
      phrases.add(entry.phrase);
    }
    matcher = PhraseMatcher.compile(phrases);
  }

  /**
   * The classifier built from the standard English lexicon, {@value #STANDARD_LEXICON}, loaded
   * once from the classpath.
   *
   * @return the shared standard classifier
   * @throws IllegalStateException if the resource is missing or unreadable (a broken build)
   */
  public static LexiconClassifier standard() {
    LexiconClassifier result = standard;
    if (result == null) {
      synchronized (LexiconClassifier.class) {
        result = standard;
        if (result == null) {
          result = loadStandard();
          standard = result;
        }
      }
    }
    return result;
  }

  private static LexiconClassifier loadStandard() {
    try (InputStream in = LexiconClassifier.class.getResourceAsStream(STANDARD_LEXICON)) {
      if (in == null) {
        throw new IllegalStateException("the standard lexicon resource is missing: "
            + STANDARD_LEXICON);
      }
      return load(in, STANDARD_LEXICON);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the standard lexicon " + STANDARD_LEXICON, e);
    }
  }

  /**
   * Builds a classifier from a lexicon in the text format of {@code docs/classifier.md}.
   *
   * @param lexicon the lexicon text; read to its end, not closed
   * @param source the lexicon's name for error messages, such as its file name
   * @return the classifier
   * @throws IOException if the reader fails
   * @throws LexiconFormatException if a line is malformed; the message names the line
   */
  public static LexiconClassifier load(Reader lexicon, String source) throws IOException {
    return new LexiconClassifier(Lexicon.parse(lexicon, source));
  }

  /**
   * Builds a classifier from a UTF-8 lexicon in the text format of {@code docs/classifier.md}.
   *
   * @param lexicon the lexicon bytes, UTF-8; read to the end, not closed
   * @param source the lexicon's name for error messages, such as its file name
   * @return the classifier
   * @throws IOException if the stream fails
   * @throws LexiconFormatException if a line is malformed; the message names the line
   */
  public static LexiconClassifier load(InputStream lexicon, String source) throws IOException {
    checkNotNull(lexicon, "lexicon");
    return load(new InputStreamReader(lexicon, StandardCharsets.UTF_8), source);
  }

  /**
   * The number of phrases in the lexicon.
   *
   * @return the entry count
   */
  public int size() {
    return names.length;
  }

  @Override
  public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    checkNotNull(text, "text");
    checkNotNull(phase, "phase");
    checkNotNull(role, "role");
    Hits hits = scan(text);
    double[] score = hits.score;
    boolean[] present = hits.present;
    Arrays.fill(score, 0);
    Arrays.fill(present, false);
    for (int h = 0; h < hits.size; h++) {
      if (hits.entry(h) >= 0) {
        int kind = kindOf[hits.entry(h)];
        score[kind] += weightOf[hits.entry(h)];
        present[kind] = true;
      }
    }
    for (int k = 0; k < KINDS.length; k++) {
      if (present[k]) {
        score[k] += lexicon.bias[k];
        if (phase.isPresent()) {
          score[k] += lexicon.phasePrior[phase.get().ordinal()][k];
        }
        if (role.isPresent()) {
          score[k] += lexicon.rolePrior[role.get().ordinal()][k];
        }
      }
    }
    int best = decide(score, present);
    if (best < 0 || score[best] < lexicon.threshold) {
      ContributionKind fallback =
          lexicon.fallback[phase.map(Phase::ordinal).orElse(Phase.values().length)];
      return Classification.builder().kind(fallback).build();
    }
    Classification.Builder result = Classification.builder().kind(KINDS[best]);
    addCues(result, text, hits, best);
    return result.build();
  }

  /**
   * The kind with the most evidence, unless a kind higher in the labelling priority has decisive
   * evidence; ties go to the higher priority. Returns -1 when no kind has a cue.
   */
  private int decide(double[] score, boolean[] present) {
    for (ContributionKind kind : Lexicon.PRIORITY) {
      int k = kind.ordinal();
      if (present[k] && score[k] >= lexicon.decisive[k]) {
        return k;
      }
    }
    int best = -1;
    for (int k = 0; k < KINDS.length; k++) {
      if (present[k]
          && (best < 0 || score[k] > score[best]
              || (score[k] == score[best] && RANK[k] < RANK[best]))) {
        best = k;
      }
    }
    return best;
  }

  /** Adds the counted phrases of the winning kind with positive weight, in text order. */
  private void addCues(Classification.Builder result, String text, Hits hits, int kind) {
    int count = 0;
    if (hits.order.length < hits.size) {
      hits.order = new long[hits.triples.length / 3];
    }
    long[] order = hits.order;
    for (int h = 0; h < hits.size; h++) {
      int entry = hits.entry(h);
      if (entry >= 0 && kindOf[entry] == kind && weightOf[entry] > 0) {
        // Sort key: start, then the order found (by end); both fit in 31 bits.
        order[count++] = ((long) hits.start(h) << 32) | h;
      }
    }
    Arrays.sort(order, 0, count);
    for (int i = 0; i < count; i++) {
      int h = (int) order[i];
      int entry = hits.entry(h);
      int start = hits.start(h);
      int end = hits.end(h);
      result.addCue(
          Cue.builder()
              .name(names[entry])
              .kind(KINDS[kind])
              .start(start)
              .end(end)
              .matched(text.substring(start, end))
              .build());
    }
  }

  /**
   * The phrases found in one text, as (entry, start, end) triples ordered by end. A hit a longer
   * hit of the same kind covers is dropped: a removed hit has entry {@code -1}.
   */
  private final class Hits implements PhraseMatcher.Sink {
    int size;
    int[] triples = new int[48];
    final double[] score = new double[KINDS.length];
    final boolean[] present = new boolean[KINDS.length];
    final PhraseMatcher.Buffers buffers = new PhraseMatcher.Buffers(matcher);
    long[] order = new long[16];

    int entry(int hit) {
      return triples[3 * hit];
    }

    int start(int hit) {
      return triples[3 * hit + 1];
    }

    int end(int hit) {
      return triples[3 * hit + 2];
    }

    @Override
    public void found(int entry, int start, int end) {
      int kind = kindOf[entry];
      for (int h = size - 1; h >= 0; h--) {
        int other = entry(h);
        if (other < 0) {
          continue;
        }
        int otherStart = start(h);
        int otherEnd = end(h);
        if (otherEnd <= start) {
          break;
        }
        if (kindOf[other] != kind) {
          continue;
        }
        if (otherStart <= start && otherEnd >= end) {
          return;
        }
        if (otherStart >= start && otherEnd <= end) {
          triples[3 * h] = -1;
        }
      }
      if (3 * size == triples.length) {
        triples = Arrays.copyOf(triples, triples.length * 2);
      }
      triples[3 * size] = entry;
      triples[3 * size + 1] = start;
      triples[3 * size + 2] = end;
      size++;
    }
  }

  private Hits scan(String text) {
    Hits hits = scratch.get();
    hits.size = 0;
    matcher.scan(text, hits, hits.buffers);
    return hits;
  }

  @Override
  public String toString() {
    return "LexiconClassifier{" + names.length + " phrases, " + matcher + "}";
  }
}
