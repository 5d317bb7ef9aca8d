package org.balint.session;

import com.google.common.collect.ImmutableList;

/**
 * What a contribution does in the group, as researchers code it.
 *
 * <p>Where two kinds apply, the first in this order wins: {@link #NEW_CASE}, {@link #JUDGEMENT},
 * {@link #CLINICAL}, {@link #FACILITATION}, {@link #QUESTION}, {@link #SPECULATION}, {@link
 * #FEELING}.
 */
public enum ContributionKind {
  /** An emotion or relational observation about the patient, the doctor, or the group. */
  FEELING,
  /** An imaginative hypothesis about the people or their relationship. */
  SPECULATION,
  /** A factual clarifying question to the presenter. */
  QUESTION,
  /** Clinical problem-solving: diagnosis, tests, treatment, referral, management advice. */
  CLINICAL,
  /** Bringing in another patient or case. */
  NEW_CASE,
  /** Judging the presenter's practice as right or wrong, praise included. */
  JUDGEMENT,
  /** A leader's process move: steering, inviting, time-keeping. */
  FACILITATION;

  /**
   * The kinds in the order that decides where two apply, highest first (the {@code balint/1}
   * format's priority order, docs/format.md).
   *
   * @return {@code NEW_CASE, JUDGEMENT, CLINICAL, FACILITATION, QUESTION, SPECULATION, FEELING}
   */
  public static ImmutableList<ContributionKind> byPriority() {
    return PRIORITY;
  }

  private static final ImmutableList<ContributionKind> PRIORITY =
      ImmutableList.of(NEW_CASE, JUDGEMENT, CLINICAL, FACILITATION, QUESTION, SPECULATION, FEELING);
}
