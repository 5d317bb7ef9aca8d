package org.balint.method;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.balint.session.Contribution;
import org.balint.session.Phase;
import org.balint.session.Session;

/**
 * {@code session.phase-order}: within a case, a contribution's phase is earlier than that of the
 * contribution before it of the same case (about that contribution); or a case that has
 * contributions has none in the discussion (about the session, once per case). A case without
 * contributions is fine.
 */
public final class PhaseOrderRule extends BasicRule implements ContributionRule {
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
    boolean[] spoken = new boolean[cases];
    boolean[] discussed = new boolean[cases];
    for (Contribution contribution : session.contributions()) {
      spoken[contribution.caseIndex()] = true;
      discussed[contribution.caseIndex()] |= contribution.phase() == Phase.DISCUSSION;
    }
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (int k = 0; k < cases; k++) {
      if (spoken[k] && !discussed[k]) {
        violations.add(
            context.sessionViolation(
                String.format(
                    "%s had no discussion: the group never spoke about it while %s sat back.",
                    Phrases.caseName(k), context.nameOf(session.cases().get(k).presenter()))));
      }
    }
    return violations.addAll(context.eachContribution(this)).build();
  }

  @Override
  public ImmutableList<Violation> checkContribution(ContributionContext context) {
    Contribution contribution = context.contribution();
    Optional<Phase> before = context.inSession().previousPhaseInCase();
    if (before.isEmpty() || contribution.phase().compareTo(before.get()) >= 0) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.violation(
            String.format(
                "The group went back from %s to %s in %s.",
                before.get().words(),
                contribution.phase().words(),
                Phrases.caseName(contribution.caseIndex()))));
  }
}
