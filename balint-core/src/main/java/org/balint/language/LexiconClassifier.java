package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * The built-in explainable classifiers: weighted phrases from a lexicon, found in one pass over
 * the text, and either a small decision table (the {@linkplain #standard() standard lexicon}) or
 * a linear rule ({@code @decision linear}, the {@linkplain #fitted() fitted model}, the
 * {@linkplain ContributionClassifiers#defaultClassifier() default}). With the linear rule, every
 * phrase found counts once a text with its weight for each kind, no phrase hides another, every
 * kind gets its bias and priors, and the kind with the largest score wins; the cues are the
 * phrases found that weighed more than the {@code @cue-threshold} for it, and the confidence is
 * the model's probability of the kind (the softmax of the scores).
 *
 * <p>How a decision table decides, for a text with its phase and the speaker's role where known:
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
 * {@link #classify} allocates only the classification it returns with its cues, and nothing per
 * character.
 */
public final class LexiconClassifier implements ContributionClassifier {
  /** The classpath resource of the standard English lexicon. */
  public static final String STANDARD_LEXICON = "lexicon-en.txt";
  /**
   * The classpath resource of the fitted English model: a lexicon with {@code @decision linear}
   * whose weights were fitted to the labelled sets (see docs/classifier.md).
   */
  public static final String FITTED_LEXICON = "lexicon-en-fitted.txt";

  private static final ContributionKind[] KINDS = ContributionKind.values();
  /** The kinds' ordinals in labelling priority order, highest first. */
  private static final int[] PRIORITY =
      Lexicon.PRIORITY.stream().mapToInt(ContributionKind::ordinal).toArray();

  /** The stride of a linear lexicon's weights: the kinds, rounded up to a power of two. */
  private static final int VECTOR = Integer.highestOneBit(KINDS.length * 2 - 1);


  private static final Supplier<LexiconClassifier> STANDARD =
      Suppliers.memoize(() -> loadResource(STANDARD_LEXICON));
  private static final Supplier<LexiconClassifier> FITTED =
      Suppliers.memoize(() -> loadResource(FITTED_LEXICON));

  private final Lexicon lexicon;
  private final PhraseMatcher matcher;
  /** The matcher's state after the start mark ({@code @start-mark}), or its start state. */
  private final int startState;
  /** Per thread, the working arrays of a classification: nothing is allocated but the result. */
  private final ThreadLocal<Scratch> scratch;
  /** By entry, in an order that keeps each phrase's entries together: its name as a cue. */
  private final String[] names;
  private final int[] kindOf;
  private final double[] weightOf;
  /**
   * For a linear lexicon, by phrase, its weight for each kind ({@link #VECTOR} a phrase, zero
   * where it has no entry of the kind); empty for a decision table, whose phrases are entries.
   */
  private final double[] weights;
  /** For a linear lexicon, by phrase and kind as {@link #weights}, the entry (its cue's name). */
  private final int[] entryOfKind;
  /** By phrase, {@code 1 << kind} for each kind it has an entry of. */
  private final int[] kindBits;
  /** By phrase, {@code 1 << kind} for each kind its entry of has a positive weight (can cue). */
  private final int[] cueKindBits;
  /** By phrase, {@code 1 << kind} for each kind its entry of weighs above the cue threshold. */
  private final int[] reportBits;
  /**
   * By phrase, {@code 1 << kind} for each kind its entry of is a positive cue that proposes rather
   * than mentions (its family is not among the kind's {@code @mention} families).
   */
  private final int[] proposalBits;
  /** By phrase, the kinds one of whose {@code @requires} families one of its entries is in. */
  private final int[] requirementBits;
  /** The kinds with a {@code @requires} family, and those with a {@code @mention} rule. */
  private final int requiredKinds;
  private final int mentionKinds;
  /** By kind with a {@code @mention} rule, the kinds that trigger it, and its factor. */
  private final int[] mentionTriggers = new int[KINDS.length];
  private final double[] mentionFactor = new double[KINDS.length];

  private LexiconClassifier(Lexicon lexicon) {
    this.lexicon = lexicon;
    int size = lexicon.entries.size();
    names = new String[size];
    kindOf = new int[size];
    weightOf = new double[size];
    // By phrase, sized for the most phrases there can be (one an entry), trimmed below.
    int[] kindBits = new int[size];
    int[] cueKindBits = new int[size];
    int[] reportBits = new int[size];
    int[] proposalBits = new int[size];
    int[] requirementBits = new int[size];
    // By family, the kinds whose @mention rule counts it as naming things, and the kinds whose
    // @requires names it.
    Map<String, Integer> mentionedFor = new HashMap<>();
    Map<String, Integer> requiredFor = new HashMap<>();
    int withMention = 0;
    for (Lexicon.Mention rule : lexicon.mentions) {
      int k = rule.kind.ordinal();
      withMention |= 1 << k;
      mentionFactor[k] = rule.factor;
      for (ContributionKind trigger : rule.triggers) {
        mentionTriggers[k] |= 1 << trigger.ordinal();
      }
      for (String family : rule.families) {
        mentionedFor.merge(family, 1 << k, (a, b) -> a | b);
      }
    }
    mentionKinds = withMention;
    int withRequirement = 0;
    for (int k = 0; k < KINDS.length; k++) {
      withRequirement |= lexicon.required.get(k).isEmpty() ? 0 : 1 << k;
      for (String family : lexicon.required.get(k)) {
        requiredFor.merge(family, 1 << k, (a, b) -> a | b);
      }
    }
    requiredKinds = withRequirement;
    List<Lexicon.Entry> entries = lexicon.linear ? byPhrase(lexicon.entries) : lexicon.entries;
    List<PhraseMatcher.Phrase> phrases = new ArrayList<>(size);
    // By matcher phrase, where its entries start (and, at the next phrase, end). In a decision
    // table every entry is its own phrase; in a linear lexicon the entries of one phrase for
    // several kinds are one phrase of the matcher, found once and counted together.
    int[] phraseStart = new int[size + 1];
    for (int i = 0; i < size; i++) {
      Lexicon.Entry entry = entries.get(i);
      if (!lexicon.linear || i == 0 || !entry.phrase.equals(entries.get(i - 1).phrase)) {
        phraseStart[phrases.size()] = i;
        phrases.add(entry.phrase);
      }
      names[i] = entry.name;
      kindOf[i] = entry.kind.ordinal();
      weightOf[i] = entry.weight;
      int p = phrases.size() - 1;
      int bit = 1 << entry.kind.ordinal();
      int cue = entry.weight > 0 ? bit : 0;
      kindBits[p] |= bit;
      cueKindBits[p] |= cue;
      reportBits[p] |= entry.weight > lexicon.cueThreshold ? cue : 0;
      proposalBits[p] |= cue & ~mentionedFor.getOrDefault(entry.family, 0);
      requirementBits[p] |= requiredFor.getOrDefault(entry.family, 0);
    }
    phraseStart[phrases.size()] = size;
    this.kindBits = Arrays.copyOf(kindBits, phrases.size());
    this.cueKindBits = Arrays.copyOf(cueKindBits, phrases.size());
    this.reportBits = Arrays.copyOf(reportBits, phrases.size());
    this.proposalBits = Arrays.copyOf(proposalBits, phrases.size());
    this.requirementBits = Arrays.copyOf(requirementBits, phrases.size());
    weights = new double[lexicon.linear ? phrases.size() * VECTOR : 0];
    entryOfKind = new int[weights.length];
    for (int p = 0; p < phrases.size() && lexicon.linear; p++) {
      for (int entry = phraseStart[p]; entry < phraseStart[p + 1]; entry++) {
        weights[p * VECTOR + kindOf[entry]] = weightOf[entry];
        entryOfKind[p * VECTOR + kindOf[entry]] = entry;
      }
      // A phrase explains only the kind it weighs for most: 'i wonder' weighs for CLINICAL too,
      // but more for SPECULATION, so it never explains a CLINICAL label.
      double most = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < KINDS.length; k++) {
        most = Math.max(most, weights[p * VECTOR + k]);
      }
      for (int k = 0; k < KINDS.length; k++) {
        if (weights[p * VECTOR + k] < most) {
          this.reportBits[p] &= ~(1 << k);
        }
      }
    }
    // Nor does a phrase explain a kind other than the one its family is named after
    // ('speculation.hedge:i wonder' never explains CLINICAL).
    for (int p = 0; p < phrases.size(); p++) {
      int last = lexicon.linear ? phraseStart[p + 1] : p + 1;
      for (int entry = lexicon.linear ? phraseStart[p] : p; entry < last; entry++) {
        String family = entries.get(entry).family;
        for (ContributionKind kind : KINDS) {
          String prefix = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
          if (kind.ordinal() != kindOf[entry]
              && (family.equals(prefix) || family.startsWith(prefix + "."))) {
            this.reportBits[p] &= ~(1 << kindOf[entry]);
          }
        }
      }
    }
    matcher = PhraseMatcher.compile(phrases);
    int phraseCount = phrases.size();
    // The thread's value must not refer to this classifier, or a pooled thread would keep it.
    PhraseMatcher compiled = matcher;
    boolean linear = lexicon.linear;
    scratch = ThreadLocal.withInitial(() -> new Scratch(compiled, linear ? phraseCount : 0));
    startState = lexicon.startMark == null ? 0 : matcher.stateAfter(lexicon.startMark);
  }

  /** The entries reordered so that those of one phrase stand together, in order of first use. */
  private static List<Lexicon.Entry> byPhrase(List<Lexicon.Entry> entries) {
    Map<PhraseMatcher.Phrase, List<Lexicon.Entry>> groups = new LinkedHashMap<>();
    for (Lexicon.Entry entry : entries) {
      groups.computeIfAbsent(entry.phrase, phrase -> new ArrayList<>()).add(entry);
    }
    List<Lexicon.Entry> ordered = new ArrayList<>(entries.size());
    groups.values().forEach(ordered::addAll);
    return ordered;
  }

  /**
   * The classifier built from the standard English lexicon, {@value #STANDARD_LEXICON}, loaded
   * once from the classpath.
   *
   * @return the shared standard classifier
   * @throws IllegalStateException if the resource is missing or unreadable (a broken build)
   */
  public static LexiconClassifier standard() {
    return STANDARD.get();
  }

  /**
   * The classifier built from the fitted English model, {@value #FITTED_LEXICON}, loaded once from
   * the classpath: a linear model fitted to the labelled sets, whose phrases are words, word
   * pairs, the first word and every phrase of the standard lexicon, each with a weight for each
   * kind. On sentences by writers it was not fitted to, it agrees with the coders more often than
   * the standard lexicon does (docs/classifier.md gives the figures); its cues are the phrases
   * that weighed for the kind it chose, mostly the standard lexicon's.
   *
   * @return the shared fitted classifier
   * @throws IllegalStateException if the resource is missing or unreadable (a broken build)
   */
  public static LexiconClassifier fitted() {
    return FITTED.get();
  }

  private static LexiconClassifier loadResource(String resource) {
    try (InputStream in = LexiconClassifier.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the lexicon resource is missing: " + resource);
      }
      return load(in, resource);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lexicon " + resource, e);
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
   * The number of entries in the lexicon: one per phrase and kind it weighs for.
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
    Scratch scratch = this.scratch.get();
    PhraseMatcher.Buffers found = scan(text, scratch);
    double[] score = scratch.score;
    Arrays.fill(score, 0);
    int present = 0;
    int positive = 0;
    int proposed = 0;
    int satisfied = 0;
    int[] phrase = found.phrase;
    int generation = lexicon.linear ? scratch.nextGeneration() : 0;
    for (int h = 0; h < found.count; h++) {
      int p = phrase[h];
      if (p >= 0) {
        if (lexicon.linear) {
          // A fitted model's features are present or absent: a phrase counts once a text.
          if (scratch.seen[p] == generation) {
            continue;
          }
          scratch.seen[p] = generation;
          // Every kind's weight, zero where the phrase has no entry: no branch a kind.
          for (int k = 0, at = p * VECTOR; k < KINDS.length; k++) {
            score[k] += weights[at + k];
          }
        } else {
          score[kindOf[p]] += weightOf[p];
        }
        present |= kindBits[p];
        positive |= cueKindBits[p];
        proposed |= proposalBits[p];
        satisfied |= requirementBits[p];
      }
    }
    // @requires: a kind without a cue of its required family does not count at all.
    for (int unmet = requiredKinds & ~satisfied & present; unmet != 0; unmet &= unmet - 1) {
      int k = Integer.numberOfTrailingZeros(unmet);
      score[k] = 0;
      present &= ~(1 << k);
      positive &= ~(1 << k);
    }
    // @mention: a kind whose positive cues only name things counts less beside a trigger kind.
    for (int named = mentionKinds & positive & ~proposed; named != 0; named &= named - 1) {
      int k = Integer.numberOfTrailingZeros(named);
      if ((positive & mentionTriggers[k]) != 0) {
        score[k] *= mentionFactor[k];
      }
    }
    if (lexicon.linear) {
      present = (1 << KINDS.length) - 1; // every kind gets its bias and priors
    }
    if (present != 0) {
      double[] phasePrior = phase.isPresent() ? lexicon.phasePrior[phase.get().ordinal()] : null;
      double[] rolePrior = role.isPresent() ? lexicon.rolePrior[role.get().ordinal()] : null;
      for (int k = 0; k < KINDS.length; k++) {
        if ((present & (1 << k)) != 0) {
          score[k] += lexicon.bias[k];
          if (phasePrior != null) {
            score[k] += phasePrior[k];
          }
          if (rolePrior != null) {
            score[k] += rolePrior[k];
          }
        }
      }
    }
    int best = lexicon.linear ? mostEvidence(score, present) : decide(score, present);
    if (best < 0 || (!lexicon.linear && score[best] < lexicon.threshold)) {
      ContributionKind fallback =
          lexicon.fallback[phase.isPresent() ? phase.get().ordinal() : Phase.values().length];
      return Classification.builder()
          .kind(fallback)
          .confidence(lexicon.linear ? share(score, present, best) : 0)
          .build();
    }
    int[] spans = cueSpans(scratch, best);
    Classification.Builder result =
        Classification.builder().kind(KINDS[best]).confidence(share(score, present, best));
    for (int i = 0; i < spans.length; i += 3) {
      result.addCues(
          Cue.builder()
              .name(names[spans[i]])
              .kind(KINDS[best])
              .start(spans[i + 1])
              .end(spans[i + 2])
              .matched(text.substring(spans[i + 1], spans[i + 2]))
              .build());
    }
    return result.build();
  }

  /**
   * The softmax of the present kinds' scores at the winner: for a linear lexicon, whose scores are
   * a fitted model's log-odds, the model's probability of the kind; for a decision table a
   * measure of how far the winner's evidence stands above the rest's, not a calibrated
   * probability.
   */
  private static double share(double[] score, int present, int best) {
    double sum = 0;
    for (int k = 0; k < KINDS.length; k++) {
      if ((present & (1 << k)) != 0) {
        sum += Math.exp(score[k] - score[best]);
      }
    }
    return sum == 0 ? 0 : 1 / sum;
  }

  /**
   * Finds the phrases of a text into the thread's buffers, as if it followed the start mark if
   * the lexicon has one, and drops, for a decision table, those a longer phrase of their kind
   * covers.
   */
  private PhraseMatcher.Buffers scan(String text, Scratch scratch) {
    PhraseMatcher.Buffers found = scratch.found;
    matcher.scan(text, found, startState);
    if (found.nested && !lexicon.linear) {
      dropContained(found);
    }
    return found;
  }

  /**
   * Drops every match that a longer match of the same kind covers, and of two matches of one kind
   * with the same span the later: replays the matches in the order found, marking a dropped one
   * with phrase {@code -1}.
   */
  private void dropContained(PhraseMatcher.Buffers found) {
    int[] phrase = found.phrase;
    int[] start = found.start;
    int[] end = found.end;
    for (int h = 0; h < found.count; h++) {
      int kind = kindOf[phrase[h]];
      for (int g = h - 1; g >= 0; g--) {
        int other = phrase[g];
        if (other < 0) {
          continue;
        }
        if (end[g] <= start[h]) {
          break;
        }
        if (kindOf[other] != kind) {
          continue;
        }
        if (start[g] <= start[h] && end[g] >= end[h]) {
          phrase[h] = -1;
          break;
        }
        if (start[g] >= start[h] && end[g] <= end[h]) {
          phrase[g] = -1;
        }
      }
    }
  }

  /**
   * The kind with the most evidence, unless a kind higher in the labelling priority has decisive
   * evidence; ties go to the higher priority. Returns -1 when no kind has a cue.
   */
  private int decide(double[] score, int present) {
    if (present == 0) {
      return -1;
    }
    for (int k : PRIORITY) {
      if ((present & (1 << k)) != 0 && score[k] >= lexicon.decisive[k]) {
        return k;
      }
    }
    return mostEvidence(score, present);
  }

  /** The present kind with the most evidence, ties going to the higher priority; -1 if none. */
  private static int mostEvidence(double[] score, int present) {
    int best = -1;
    for (int k : PRIORITY) {
      if ((present & (1 << k)) != 0 && (best < 0 || score[k] > score[best])) {
        best = k;
      }
    }
    return best;
  }

  /**
   * The counted phrases of the winning kind with positive weight, in text order, as (entry,
   * start, end) triples from which the classification makes its cues when asked. They are
   * collected without a branch a match; they need ordering by start only if two matches overlap,
   * since matches that do not overlap arrive in text order.
   */
  private int[] cueSpans(Scratch scratch, int kind) {
    PhraseMatcher.Buffers found = scratch.found;
    if (scratch.order.length < found.count) {
      scratch.order = new long[found.phrase.length];
    }
    long[] order = scratch.order;
    int[] phrase = found.phrase;
    int[] start = found.start;
    int count = 0;
    for (int h = 0; h < found.count; h++) {
      int p = phrase[h];
      if (p >= 0) {
        // Sort key: start, then the order found (by end); both fit in 31 bits.
        order[count] = ((long) start[h] << 32) | h;
        count += reportBits[p] >>> kind & 1;
      }
    }
    if (found.nested) {
      for (int i = 1; i < count; i++) {
        long key = order[i];
        int at = i;
        while (at > 0 && order[at - 1] > key) {
          order[at] = order[at - 1];
          at--;
        }
        order[at] = key;
      }
    }
    int[] end = found.end;
    int[] spans = new int[3 * count];
    for (int i = 0, at = 0; i < count; i++, at += 3) {
      int h = (int) order[i];
      // A decision table's phrases are its entries; a linear lexicon's have one a kind.
      spans[at] = lexicon.linear ? entryOfKind[phrase[h] * VECTOR + kind] : phrase[h];
      spans[at + 1] = start[h];
      spans[at + 2] = end[h];
    }
    return spans;
  }

  /** One thread's working arrays: the scan's buffers, the evidence per kind, the cue order. */
  private static final class Scratch {
    final PhraseMatcher.Buffers found;
    final double[] score = new double[KINDS.length];
    long[] order = new long[16];
    /** For a linear lexicon, by matcher phrase, the last classification that counted it. */
    final int[] seen;
    private int generation;

    Scratch(PhraseMatcher matcher, int linearPhrases) {
      found = new PhraseMatcher.Buffers(matcher);
      seen = new int[linearPhrases];
    }

    int nextGeneration() {
      if (++generation == Integer.MAX_VALUE) {
        Arrays.fill(seen, 0);
        generation = 1;
      }
      return generation;
    }
  }

  @Override
  public String toString() {
    return "LexiconClassifier{" + names.length + " entries, " + matcher + "}";
  }
}
