package org.balint.method;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.balint.session.Contribution;
import org.balint.session.Phase;

/**
 * {@code presenter.silence}: a case's presenter speaks in that case's discussion, where they should
 * sit back in silence. The presenter of one case may speak in another case's discussion.
 */
public final class PresenterSilenceRule extends BasicRule implements ContributionRule {
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
    return context.eachContribution(this);
  }

  @Override
  public ImmutableList<Violation> checkContribution(ContributionContext context) {
    Contribution contribution = context.contribution();
    if (contribution.phase() != Phase.DISCUSSION
        || !context.inSession().presenter().equals(Optional.of(contribution.speaker()))) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.violation(
            String.format(
                "%s presented %s and spoke during its discussion, where the presenter sits"
                    + " back and listens.",
                context.nameOf(contribution.speaker()),
                Phrases.caseName(contribution.caseIndex()))));
  }
}
