package org.balint.method;

import com.google.common.collect.ImmutableList;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Session;

/**
 * {@code discussion.clinical-drift}: of all a session's discussion contributions (every case, every
 * speaker), strictly more than the protocol's fraction (1/4 in {@code balint-standard}) are
 * clinical, in exact arithmetic. Never fires when the session has no discussion contributions.
 */
public final class ClinicalDriftRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "discussion.clinical-drift";

  /** Creates the rule. */
  public ClinicalDriftRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.SESSION,
        "The discussion has turned into a case conference: bring the group back to the feelings "
            + "and the doctor-patient relationship.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Session session = context.session();
    long discussion = 0;
    long clinical = 0;
    for (int i = 0; i < session.contributions().size(); i++) {
      if (session.contributions().get(i).phase() == Phase.DISCUSSION) {
        discussion++;
        // A contribution whose kind is less sure than the protocol asks does not count.
        if (context.kindOf(i) == ContributionKind.CLINICAL && context.isCertain(i)) {
          clinical++;
        }
      }
    }
    long numerator = context.parameters().clinicalDriftNumerator();
    long denominator = context.parameters().clinicalDriftDenominator();
    if (discussion == 0 || clinical * denominator <= numerator * discussion) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.sessionViolation(
            String.format(
                "%d of %s in the discussion %s clinical problem-solving, more than %d in %d.",
                clinical,
                Phrases.count(discussion, "contribution", "contributions"),
                clinical == 1 ? "was" : "were",
                numerator,
                denominator)));
  }
}
