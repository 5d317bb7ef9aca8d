package org.balint.method;

import com.google.common.collect.Sets;
import java.util.EnumSet;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;

/**
 * {@code discussion.clinical}: a contribution in the questions, the discussion or the presenter's
 * return is clinical problem-solving (diagnosis, tests, treatment, referral, management). The
 * closing is not covered.
 */
public final class ClinicalRule extends ContributionKindRule {
  /** The rule's id. */
  public static final String ID = "discussion.clinical";

  /** Creates the rule. */
  public ClinicalRule() {
    super(
        ID,
        "Set the clinical question aside and wonder about the relationship: what is it like to"
            + " be this patient's doctor?",
        ContributionKind.CLINICAL,
        Sets.difference(AFTER_PRESENTATION, EnumSet.of(Phase.CLOSING)));
  }

  @Override
  String whatWasSaid() {
    return "offered clinical problem-solving (diagnosis, tests, treatment or referral)";
  }

  @Override
  String whatTheMethodAsks() {
    return "in a Balint group the clinical problem is set aside";
  }
}
