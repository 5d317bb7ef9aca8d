package org.balint.method;

import org.balint.session.ContributionKind;

/**
 * {@code discussion.new-case}: a contribution after the presentation brings in another patient or
 * case ("that reminds me of a patient of mine...").
 */
public final class NewCaseRule extends ContributionKindRule {
  /** The rule's id. */
  public static final String ID = "discussion.new-case";

  /** Creates the rule. */
  public NewCaseRule() {
    super(
        ID,
        "Keep to the presented case: what does this patient and this doctor stir in us?",
        ContributionKind.NEW_CASE,
        AFTER_PRESENTATION);
  }

  @Override
  String whatWasSaid() {
    return "brought in another patient";
  }

  @Override
  String whatTheMethodAsks() {
    return "the group keeps to the presented case";
  }
}
