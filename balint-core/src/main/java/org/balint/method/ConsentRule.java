package org.balint.method;

import com.google.common.collect.ImmutableList;
import org.balint.privacy.RecordingConsent;
import org.balint.session.Session;

/**
 * {@code confidentiality.consent}: what was said is kept without consent. A session with
 * contributions but no recording gives one violation; a session with a recording gives one
 * violation per id missing from its consent, whether or not contributions were kept: everyone in
 * {@code present}, and everyone who speaks (anyone who speaks was there), must have consented. A
 * session with neither contributions nor a recording (the normal record: attendance and a case
 * title) is fine.
 */
public final class ConsentRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "confidentiality.consent";

  /** Creates the rule. */
  public ConsentRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.SESSION,
        "What is said in the group stays in the group: keep no record of it unless everyone "
            + "present has agreed.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Session session = context.session();
    if (session.recording().isEmpty()) {
      if (session.contributions().isEmpty()) {
        return ImmutableList.of();
      }
      return ImmutableList.of(
          context.sessionViolation(
              String.format(
                  "The session kept %s of what was said, but no recording with everyone's consent"
                      + " was declared.",
                  Phrases.count(session.contributions().size(), "contribution", "contributions"))));
    }
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (String id : RecordingConsent.missingConsent(session)) {
      violations.add(
          context.sessionViolation(
              String.format(
                  "%s %s but did not consent to the session being recorded.",
                  context.nameOf(id), session.present().contains(id) ? "was present" : "spoke")));
    }
    return violations.build();
  }
}
