package org.balint.method;

import com.google.common.collect.ImmutableList;

/**
 * A session rule whose breaches by a contribution can be found from that contribution in its
 * context alone ({@link ContributionInSession}): who was present, the cases so far, the phase of
 * the case's previous contribution and the contribution's kind. A session being recorded is checked
 * with these rules contribution by contribution, at a cost that does not grow with the session's
 * length; the rest of the protocol is checked once, when the session finishes.
 *
 * <p>{@link #check(RuleContext)} must give, for each contribution, exactly the violations {@link
 * #checkContribution} gives, plus any about the session as a whole; {@link
 * RuleContext#eachContribution(ContributionRule)} does the first part.
 */
public interface ContributionRule extends Rule {
  /**
   * Checks one contribution in the light of what came before it.
   *
   * @param context the contribution in its session, its kind, the group and the protocol's
   *     parameters and severity
   * @return the breaches found, each about this contribution; empty when there are none
   */
  ImmutableList<Violation> checkContribution(ContributionContext context);
}
