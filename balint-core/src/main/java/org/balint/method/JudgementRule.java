package org.balint.method;

import org.balint.session.ContributionKind;

/**
 * {@code discussion.judgement}: a contribution after the presentation judges the presenter's
 * practice as right or wrong.
 */
public final class JudgementRule extends ContributionKindRule {
  /** The rule's id. */
  public static final String ID = "discussion.judgement";

  /** Creates the rule. */
  public JudgementRule() {
    super(
        ID,
        "This is not about right or wrong practice: wonder what the doctor and the patient might"
            + " each have been feeling.",
        ContributionKind.JUDGEMENT,
        AFTER_PRESENTATION);
  }

  @Override
  String whatWasSaid() {
    return "judged the presenter's practice";
  }

  @Override
  String whatTheMethodAsks() {
    return "the group does not judge the presenter's practice";
  }
}
