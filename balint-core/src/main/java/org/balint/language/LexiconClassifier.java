package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.jspecify.annotations.Nullable;

/**
 * The built-in explainable classifiers: weighted phrases from a lexicon, found in one pass over the
 * text, and either a small decision table (the {@linkplain #standard() standard lexicon}) or a
 * linear rule ({@code @decision linear}, the {@linkplain #fitted() fitted model}, the {@linkplain
 * ContributionClassifiers#defaultClassifier() default}). With the linear rule, every phrase found
 * counts once a text with its weight for each kind, no phrase hides another, every kind gets its
 * bias and priors, and the kind with the largest score wins; the cues are the phrases found that
 * weighed more than the {@code @cue-threshold} for it, and the confidence is the model's
 * probability of the kind (the softmax of the scores).
 *
 * <p>How a decision table decides, for a text with its phase and the speaker's role where known:
 *
 * <ol>
 *   <li>One left-to-right pass over the characters (folded: lower case, typographic apostrophes
 *       made plain, dashes made spaces) splits the text into words and marks and finds every
 *       lexicon phrase, on whole words, a trailing {@code *} matching any word ending (a trie over
 *       words). Where two phrases of the same kind overlap so that one lies inside the other, only
 *       the longer one counts: a specific phrase replaces a general one rather than adding to it.
 *   <li>Each kind's evidence is the sum of its phrases' weights. A kind with at least one phrase
 *       also gets its {@code @bias} and the {@code @prior}s for the phase and the role; a kind with
 *       no phrase gets nothing, so a phase or a role alone never decides.
 *   <li>Going down the labelling priority (NEW_CASE &gt; JUDGEMENT &gt; CLINICAL &gt; FACILITATION
 *       &gt; QUESTION &gt; SPECULATION &gt; FEELING), the first kind whose evidence reaches its
 *       {@code @decisive} level wins: a clear clinical proposal made as a question is CLINICAL
 *       however question-like it is. Otherwise the kind with the most evidence wins, a tie going to
 *       the higher priority. If that kind does not reach the {@code @threshold}, the
 *       {@code @default} kind of the phase is given, with no cues.
 * </ol>
 *
 * <p>The cues reported are the counted phrases of the winning kind, in text order. Instances are
 * immutable and safe to share between threads.
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

  private static final Supplier<LexiconClassifier> STANDARD =
      Suppliers.memoize(() -> loadResource(STANDARD_LEXICON));
  private static final Supplier<LexiconClassifier> FITTED =
      Suppliers.memoize(() -> loadResource(FITTED_LEXICON));

  /**
   * What one phrase of the trie is evidence of: its weight and cue name for each kind it has an
   * entry of. A decision table's phrases are its entries, one kind each; a linear lexicon's entries
   * of one phrase for several kinds are one phrase, found once and counted together.
   */
  private static final class Evidence {
    /** By kind, the entry's weight, zero where the phrase has no entry of the kind. */
    final double[] weight = new double[KINDS.length];

    /** By kind, the entry, null where the phrase has none. */
    final Lexicon.@Nullable Entry[] entry = new Lexicon.Entry[KINDS.length];

    /** {@code 1 << kind} for each kind it has an entry of. */
    int kinds;

    /** ... for each kind its entry of has a positive weight (can cue). */
    int positive;

    /** ... for each kind it may explain, as a cue of a classification of that kind. */
    int reported;

    /** ... for each kind its entry of is a positive cue that proposes rather than mentions. */
    int proposes;

    /** ... for each kind one of whose {@code @requires} families one of its entries is in. */
    int satisfies;

    /** The one kind of a decision table's phrase. */
    int kind() {
      return Integer.numberOfTrailingZeros(kinds);
    }
  }

  private final Lexicon lexicon;
  private final PhraseTrie trie;

  /** By trie phrase, what it is evidence of. */
  private final ImmutableList<Evidence> evidence;

  /** The kinds with a {@code @requires} family, and those with a {@code @mention} rule. */
  private final int requiredKinds;

  private final int mentionKinds;

  /** By kind with a {@code @mention} rule, the kinds that trigger it, and its factor. */
  private final int[] mentionTriggers = new int[KINDS.length];

  private final double[] mentionFactor = new double[KINDS.length];

  private LexiconClassifier(Lexicon lexicon) {
    this.lexicon = lexicon;
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
    // By family, the kinds it is named after ('speculation.hedge': SPECULATION).
    Map<String, Integer> namedAfter = new HashMap<>();
    // A decision table's phrases are its entries; a linear lexicon's are its distinct phrases.
    List<PhraseTrie.Phrase> phrases = new ArrayList<>();
    List<Evidence> evidence = new ArrayList<>();
    for (int p = 0; p < lexicon.phrases.size() && lexicon.linear; p++) {
      phrases.add(lexicon.phrases.get(p));
      evidence.add(new Evidence());
    }
    for (Lexicon.Entry entry : lexicon.entries) {
      Evidence phrase;
      if (lexicon.linear) {
        phrase = evidence.get(entry.phrase);
      } else {
        phrase = new Evidence();
        phrases.add(lexicon.phrases.get(entry.phrase));
        evidence.add(phrase);
      }
      int k = entry.kind.ordinal();
      int bit = 1 << k;
      int cue = entry.weight > 0 ? bit : 0;
      phrase.weight[k] = entry.weight;
      phrase.entry[k] = entry;
      phrase.kinds |= bit;
      phrase.positive |= cue;
      phrase.proposes |= cue & ~mentionedFor.getOrDefault(entry.family, 0);
      phrase.satisfies |= requiredFor.getOrDefault(entry.family, 0);
      // A phrase explains no kind other than the one its family is named after
      // ('speculation.hedge:i wonder' never explains CLINICAL).
      int namedFor = namedAfter.computeIfAbsent(entry.family, LexiconClassifier::kindsNamed);
      if (entry.weight > lexicon.cueThreshold && (namedFor & ~bit) == 0) {
        phrase.reported |= cue;
      }
    }
    // A linear lexicon's phrase explains only the kind it weighs for most: 'i wonder' weighs for
    // CLINICAL too, but more for SPECULATION, so it never explains a CLINICAL label.
    for (int p = 0; p < evidence.size() && lexicon.linear; p++) {
      Evidence phrase = evidence.get(p);
      double most = Double.NEGATIVE_INFINITY;
      for (double weight : phrase.weight) {
        most = Math.max(most, weight);
      }
      for (int k = 0; k < KINDS.length; k++) {
        if (phrase.weight[k] < most) {
          phrase.reported &= ~(1 << k);
        }
      }
    }
    this.evidence = ImmutableList.copyOf(evidence);
    trie =
        new PhraseTrie(
            phrases,
            lexicon.startMark == null ? null : PhraseTrie.tokens(lexicon.startMark).get(0));
  }

  /** {@code 1 << kind} for each kind a family is named after, as {@code speculation.hedge} is. */
  private static int kindsNamed(String family) {
    int kinds = 0;
    for (ContributionKind kind : KINDS) {
      String prefix = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
      if (family.equals(prefix) || family.startsWith(prefix + ".")) {
        kinds |= 1 << kind.ordinal();
      }
    }
    return kinds;
  }

  /**
   * The classifier built from the standard English lexicon, {@value #STANDARD_LEXICON}, loaded once
   * from the classpath.
   *
   * @return the shared standard classifier
   * @throws IllegalStateException if the resource is missing or unreadable (a broken build)
   */
  public static LexiconClassifier standard() {
    return STANDARD.get();
  }

  /**
   * The classifier built from the fitted English model, {@value #FITTED_LEXICON}, loaded once from
   * the classpath: a linear model fitted to the labelled sets, whose phrases are words, word pairs,
   * the first word and every phrase of the standard lexicon, each with a weight for each kind. On
   * sentences by writers it was not fitted to, it agrees with the coders more often than the
   * standard lexicon does (docs/classifier.md gives the figures); its cues are the phrases that
   * weighed for the kind it chose, mostly the standard lexicon's.
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
    return lexicon.entries.size();
  }

  @Override
  public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    checkNotNull(text, "text");
    checkNotNull(phase, "phase");
    checkNotNull(role, "role");
    List<PhraseTrie.Match> found = trie.find(text);
    if (!lexicon.linear) {
      found = outermost(found);
    }
    double[] score = new double[KINDS.length];
    int present = 0;
    int positive = 0;
    int proposed = 0;
    int satisfied = 0;
    // A fitted model's features are present or absent: a phrase counts once a text.
    Set<Integer> counted = new HashSet<>();
    for (PhraseTrie.Match match : found) {
      if (lexicon.linear && !counted.add(match.phrase)) {
        continue;
      }
      Evidence phrase = evidence.get(match.phrase);
      for (int kinds = phrase.kinds; kinds != 0; kinds &= kinds - 1) {
        int k = Integer.numberOfTrailingZeros(kinds);
        score[k] += phrase.weight[k];
      }
      present |= phrase.kinds;
      positive |= phrase.positive;
      proposed |= phrase.proposes;
      satisfied |= phrase.satisfies;
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
    for (int k = 0; k < KINDS.length; k++) {
      if ((present & (1 << k)) != 0) {
        score[k] += lexicon.bias[k];
        if (phase.isPresent()) {
          score[k] += lexicon.phasePrior[phase.get().ordinal()][k];
        }
        if (role.isPresent()) {
          score[k] += lexicon.rolePrior[role.get().ordinal()][k];
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
    Classification.Builder result =
        Classification.builder().kind(KINDS[best]).confidence(share(score, present, best));
    // The counted phrases that explain the kind, in text order (the matches come by end).
    List<PhraseTrie.Match> cues = new ArrayList<>();
    for (PhraseTrie.Match match : found) {
      if ((evidence.get(match.phrase).reported & (1 << best)) != 0) {
        cues.add(match);
      }
    }
    cues.sort(Comparator.comparingInt(match -> match.start));
    for (PhraseTrie.Match cue : cues) {
      result.addCues(
          Cue.builder()
              .name(requireNonNull(evidence.get(cue.phrase).entry[best]).name())
              .kind(KINDS[best])
              .start(cue.start)
              .end(cue.end)
              .matched(text.substring(cue.start, cue.end))
              .build());
    }
    return result.build();
  }

  /**
   * The softmax of the present kinds' scores at the winner: for a linear lexicon, whose scores are
   * a fitted model's log-odds, the model's probability of the kind; for a decision table a measure
   * of how far the winner's evidence stands above the rest's, not a calibrated probability.
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
   * The matches that no longer match of the same kind covers; of two matches of one kind with the
   * same span, the first found. Matches come ordered by end, so a match can only lie inside one
   * found before it that ends after its start.
   */
  private List<PhraseTrie.Match> outermost(List<PhraseTrie.Match> found) {
    boolean[] dropped = new boolean[found.size()];
    for (int h = 0; h < found.size(); h++) {
      PhraseTrie.Match match = found.get(h);
      int kind = evidence.get(match.phrase).kind();
      for (int g = h - 1; g >= 0; g--) {
        PhraseTrie.Match other = found.get(g);
        if (dropped[g]) {
          continue;
        }
        if (other.end <= match.start) {
          break;
        }
        if (evidence.get(other.phrase).kind() != kind) {
          continue;
        }
        if (other.start <= match.start && other.end >= match.end) {
          dropped[h] = true;
          break;
        }
        if (other.start >= match.start && other.end <= match.end) {
          dropped[g] = true;
        }
      }
    }
    List<PhraseTrie.Match> kept = new ArrayList<>(found.size());
    for (int h = 0; h < found.size(); h++) {
      if (!dropped[h]) {
        kept.add(found.get(h));
      }
    }
    return kept;
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

  @Override
  public String toString() {
    return "LexiconClassifier{" + size() + " entries, " + evidence.size() + " phrases}";
  }
}
