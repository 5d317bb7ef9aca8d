package org.balint.method;

import com.google.common.collect.ImmutableList;
import org.balint.session.Contribution;
import org.balint.session.Phase;
import org.balint.session.Session;

/**
 * {@code presenter.silence}: a case's presenter speaks in that case's discussion, where they should
 * sit back in silence. The presenter of one case may speak in another case's discussion.
 */
public final class PresenterSilenceRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "presenter.silence";

  /** Creates the rule. */
  public PresenterSilenceRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.SESSION,
        "Protect the presenter's silence: they sit back in a safe haven and listen until they "
            + "are invited to return.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Session session = context.session();
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      String presenter = session.cases().get(contribution.caseIndex()).presenter();
      if (contribution.phase() == Phase.DISCUSSION && presenter.equals(contribution.speaker())) {
        violations.add(
            context.contributionViolation(
                i,
                String.format(
                    "%s presented %s and spoke during its discussion, where the presenter sits"
                        + " back and listens.",
                    context.nameOf(contribution.speaker()),
                    Phrases.caseName(contribution.caseIndex()))));
      }
    }
    return violations.build();
  }
}
