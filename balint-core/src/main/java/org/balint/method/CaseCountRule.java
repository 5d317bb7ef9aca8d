package org.balint.method;

import com.google.common.collect.ImmutableList;

/**
 * {@code session.case-count}: a session takes more cases than the protocol allows (1 in {@code
 * balint-standard}).
 */
public final class CaseCountRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "session.case-count";

  /** Creates the rule. */
  public CaseCountRule() {
    super(
        ID,
        Severity.WARNING,
        Scope.SESSION,
        "Give one case the whole time it needs rather than hurrying through several.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    int cases = context.session().cases().size();
    int max = context.parameters().maxCasesPerSession();
    if (cases <= max) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.sessionViolation(
            String.format(
                "The session took %s; the protocol allows %s.",
                Phrases.count(cases, "case", "cases"), max == 1 ? "one" : "at most " + max)));
  }
}
