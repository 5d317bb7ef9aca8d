package org.balint.language;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * The classifier of version 0.1 (with {@link ReferencePhraseMatcher}), kept as the oracle that the
 * optimised {@link LexiconClassifier} must agree with exactly. Changed on purpose once: the third
 * session's directives {@code @requires} and {@code @mention} are implemented here too, plainly,
 * over the list of hits ({@link #requires}, {@link #mentions}).
 */
final class ReferenceClassifier implements ContributionClassifier {
  private static final ContributionKind[] KINDS = ContributionKind.values();
  private static final int[] RANK = priorityRanks();


  private final Lexicon lexicon;
  private final ReferencePhraseMatcher matcher;
  /** Per thread, the working arrays of a classification: nothing is allocated but the result. */
  private final ThreadLocal<Hits> scratch = ThreadLocal.withInitial(Hits::new);
  private final String[] names;
  private final int[] kindOf;
  private final double[] weightOf;

  /**
   * Builds the reference classifier of a parsed lexicon.
   *
   * @param lexicon the lexicon
   */
  ReferenceClassifier(Lexicon lexicon) {
    this.lexicon = lexicon;
    int size = lexicon.entries.size();
    names = new String[size];
    kindOf = new int[size];
    weightOf = new double[size];
    List<ReferencePhraseMatcher.Phrase> phrases = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Lexicon.Entry entry = lexicon.entries.get(i);
      names[i] = entry.name;
      kindOf[i] = entry.kind.ordinal();
      weightOf[i] = entry.weight;
      phrases.add(new ReferencePhraseMatcher.Phrase(entry.phrase.tokens, entry.phrase.stem));
    }
    matcher = ReferencePhraseMatcher.compile(phrases);
  }

  /**
   * Builds the reference classifier of a parsed lexicon.
   *
   * @param lexicon the lexicon
   */
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
    // @start-mark (third session): the text is read as starting with the mark.
    Hits hits = lexicon.startMark == null ? scan(text) : scan(lexicon.startMark + " " + text);
    if (lexicon.startMark != null) {
      int offset = lexicon.startMark.length() + 1;
      for (int h = 0; h < hits.size; h++) {
        hits.triples[3 * h + 1] = Math.max(0, hits.start(h) - offset);
        hits.triples[3 * h + 2] = Math.max(0, hits.end(h) - offset);
      }
    }
    double[] score = hits.score;
    boolean[] present = hits.present;
    Arrays.fill(score, 0);
    Arrays.fill(present, false);
    Set<Integer> counted = new HashSet<>();
    for (int h = 0; h < hits.size; h++) {
      // @decision linear: a phrase counts once a text.
      if (hits.entry(h) >= 0 && (!lexicon.linear || counted.add(hits.entry(h)))) {
        int kind = kindOf[hits.entry(h)];
        score[kind] += weightOf[hits.entry(h)];
        present[kind] = true;
      }
    }
    requires(hits, score, present);
    mentions(hits, score, present);
    if (lexicon.linear) {
      Arrays.fill(present, true); // @decision linear: every kind gets its bias and priors
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
    if (best < 0 || (!lexicon.linear && score[best] < lexicon.threshold)) {
      ContributionKind fallback =
          lexicon.fallback[phase.map(Phase::ordinal).orElse(Phase.values().length)];
      return Classification.builder().kind(fallback).build();
    }
    Classification.Builder result = Classification.builder().kind(KINDS[best]);
    addCues(result, text, hits, best);
    return result.build();
  }

  /**
   * {@code @requires} (added in the third session): a kind none of whose required families has a
   * cue among the hits does not count at all.
   */
  private void requires(Hits hits, double[] score, boolean[] present) {
    for (int k = 0; k < KINDS.length; k++) {
      List<String> families = lexicon.required.get(k);
      if (families.isEmpty()) {
        continue;
      }
      boolean met = false;
      for (int h = 0; h < hits.size; h++) {
        met |= hits.entry(h) >= 0 && families.contains(lexicon.entries.get(hits.entry(h)).family);
      }
      if (!met) {
        score[k] = 0;
        present[k] = false;
      }
    }
  }

  /**
   * {@code @mention} (added in the third session): a kind whose positive cues all come from the
   * rule's families counts the rule's factor times when a trigger kind that still counts has a
   * positive cue.
   */
  private void mentions(Hits hits, double[] score, boolean[] present) {
    for (Lexicon.Mention rule : lexicon.mentions) {
      boolean named = false;
      boolean onlyNamed = true;
      boolean triggered = false;
      for (int h = 0; h < hits.size; h++) {
        if (hits.entry(h) < 0) {
          continue;
        }
        Lexicon.Entry entry = lexicon.entries.get(hits.entry(h));
        if (entry.weight <= 0) {
          continue;
        }
        if (entry.kind == rule.kind) {
          named = true;
          onlyNamed &= rule.families.contains(entry.family);
        }
        triggered |= rule.triggers.contains(entry.kind) && present[entry.kind.ordinal()];
      }
      if (named && onlyNamed && triggered && present[rule.kind.ordinal()]) {
        score[rule.kind.ordinal()] *= rule.factor;
      }
    }
  }

  /**
   * The kind with the most evidence, unless a kind higher in the labelling priority has decisive
   * evidence; ties go to the higher priority. Returns -1 when no kind has a cue.
   */
  private int decide(double[] score, boolean[] present) {
    for (ContributionKind kind : Lexicon.PRIORITY) {
      int k = kind.ordinal();
      if (!lexicon.linear && present[k] && score[k] >= lexicon.decisive[k]) {
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
      if (entry >= 0 && kindOf[entry] == kind
          && weightOf[entry] > Math.max(0, lexicon.cueThreshold)) {
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
      result.addCues(
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
  private final class Hits implements ReferencePhraseMatcher.Sink {
    int size;
    int[] triples = new int[48];
    final double[] score = new double[KINDS.length];
    final boolean[] present = new boolean[KINDS.length];
    final ReferencePhraseMatcher.Buffers buffers = new ReferencePhraseMatcher.Buffers(matcher);
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
      for (int h = size - 1; h >= 0 && !lexicon.linear; h--) {
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
    return "ReferenceClassifier{" + names.length + " phrases, " + matcher + "}";
  }

  /** The rank of each kind in the labelling priority, indexed by ordinal: lower wins a tie. */
  private static int[] priorityRanks() {
    int[] rank = new int[KINDS.length];
    for (int i = 0; i < Lexicon.PRIORITY.size(); i++) {
      rank[Lexicon.PRIORITY.get(i).ordinal()] = i;
    }
    return rank;
  }
}
