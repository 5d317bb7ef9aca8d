package org.balint.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import org.balint.language.SessionKinds;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Session;

/**
 * How many contributions of each kind a session had, per phase.
 *
 * <p>Kinds are the coder's where given, else the classifier's. Shares are taken over the
 * contributions after the presentation (questions, discussion, the presenter's return and the
 * closing), the phases in which kinds are coded.
 */
public final class KindMix {
  /** Counts by phase ordinal, then kind ordinal. */
  private final int[][] counts = new int[Phase.values().length][ContributionKind.values().length];

  private KindMix() {}

  /**
   * Counts the kinds of a session's contributions.
   *
   * @param kinds the session's contributions' kinds
   * @return the mix
   */
  public static KindMix of(SessionKinds kinds) {
    checkNotNull(kinds, "kinds");
    KindMix mix = new KindMix();
    Session session = kinds.session();
    for (int i = 0; i < session.contributions().size(); i++) {
      Phase phase = session.contributions().get(i).phase();
      if (phase.isAfterPresentation()) {
        mix.counts[phase.ordinal()][kinds.kindOf(i).ordinal()]++;
      }
    }
    return mix;
  }

  /**
   * The number of contributions of a kind in a phase.
   *
   * @param phase the phase (before the presentation, always 0: kinds are not coded there)
   * @param kind the kind
   * @return the count
   */
  public int count(Phase phase, ContributionKind kind) {
    return counts[phase.ordinal()][kind.ordinal()];
  }

  /**
   * The number of contributions of a kind after the presentation.
   *
   * @param kind the kind
   * @return the count
   */
  public int count(ContributionKind kind) {
    int total = 0;
    for (int[] perPhase : counts) {
      total += perPhase[kind.ordinal()];
    }
    return total;
  }

  /**
   * The number of contributions after the presentation.
   *
   * @return the count
   */
  public int total() {
    int total = 0;
    for (ContributionKind kind : ContributionKind.values()) {
      total += count(kind);
    }
    return total;
  }

  /**
   * The share of contributions after the presentation that are of a kind.
   *
   * @param kind the kind
   * @return a fraction from 0 to 1; 0 when there are no such contributions
   */
  public double share(ContributionKind kind) {
    int total = total();
    return total == 0 ? 0 : (double) count(kind) / total;
  }
}
