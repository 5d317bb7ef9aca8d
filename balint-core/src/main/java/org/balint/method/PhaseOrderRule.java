package org.balint.method;

import com.google.common.collect.ImmutableList;
import org.balint.session.Contribution;
import org.balint.session.Phase;
import org.balint.session.Session;

/**
 * {@code session.phase-order}: within a case, a contribution's phase is earlier than that of the
 * contribution before it of the same case (about that contribution); or a case that has
 * contributions has none in the discussion (about the session, once per case). A case without
 * contributions is fine.
 */
public final class PhaseOrderRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "session.phase-order";

  /** Creates the rule. */
  public PhaseOrderRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.SESSION,
        "Follow the phases in order: presentation, brief questions, the discussion while the "
            + "presenter pushes back, then the presenter's return.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Session session = context.session();
    int cases = session.cases().size();
    Phase[] previous = new Phase[cases];
    boolean[] discussed = new boolean[cases];
    ImmutableList.Builder<Violation> steps = ImmutableList.builder();
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      int k = contribution.caseIndex();
      Phase before = previous[k];
      if (before != null && contribution.phase().compareTo(before) < 0) {
        steps.add(
            context.contributionViolation(
                i,
                String.format(
                    "The group went back from %s to %s in %s.",
                    Phrases.phase(before),
                    Phrases.phase(contribution.phase()),
                    Phrases.caseName(k))));
      }
      previous[k] = contribution.phase();
      discussed[k] |= contribution.phase() == Phase.DISCUSSION;
    }
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (int k = 0; k < cases; k++) {
      if (previous[k] != null && !discussed[k]) {
        violations.add(
            context.sessionViolation(
                String.format(
                    "%s had no discussion: the group never spoke about it while %s sat back.",
                    Phrases.caseName(k), context.nameOf(session.cases().get(k).presenter()))));
      }
    }
    return violations.addAll(steps.build()).build();
  }
}
