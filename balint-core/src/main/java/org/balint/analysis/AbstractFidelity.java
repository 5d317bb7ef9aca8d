package org.balint.analysis;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.EnumSet;
import java.util.Set;
import org.balint.language.SessionKinds;
import org.balint.method.Severity;
import org.balint.method.ValidationReport;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * How closely one session kept to the method.
 *
 * <p>The fidelity index is {@code 1 - offMethod / afterPresentation}: of the contributions after
 * the presentation, the share that neither solved the clinical problem, nor judged the presenter's
 * practice, nor brought in another case, nor broke the presenter's silence. A session with no
 * contributions after the presentation has index 1. The index says nothing of the group's roster,
 * timing or consent; the counts of errors and warnings of the report do.
 */
@Value.Immutable
public abstract class AbstractFidelity {
  private static final Set<ContributionKind> OFF_METHOD =
      EnumSet.of(ContributionKind.CLINICAL, ContributionKind.NEW_CASE, ContributionKind.JUDGEMENT);

  /**
   * The session's id.
   *
   * @return the id
   */
  public abstract String sessionId();

  /**
   * The contributions after the presentation.
   *
   * @return the count
   */
  public abstract int afterPresentation();

  /**
   * The contributions after the presentation that were off the method.
   *
   * @return the count
   */
  public abstract int offMethod();

  /**
   * Whether every presenter kept silent through their case's discussion.
   *
   * @return true when no presenter spoke in their own case's discussion
   */
  public abstract boolean presenterSilenceKept();

  /**
   * The session's {@code ERROR} violations, session-level and contribution-level.
   *
   * @return the count
   */
  public abstract int errors();

  /**
   * The session's {@code WARNING} violations.
   *
   * @return the count
   */
  public abstract int warnings();

  /**
   * The fidelity index, from 0 (nothing on the method) to 1.
   *
   * @return {@code 1 - offMethod / afterPresentation}, or 1 with nothing after the presentation
   */
  public double index() {
    // (after - off) / after rather than 1 - off / after: 0.2, not 0.19999999999999996.
    return afterPresentation() == 0
        ? 1.0
        : (double) (afterPresentation() - offMethod()) / afterPresentation();
  }

  /**
   * Measures a session's fidelity.
   *
   * @param kinds the session's contributions' kinds
   * @param report the validation report of the session's group record
   * @return the fidelity
   */
  public static Fidelity of(SessionKinds kinds, ValidationReport report) {
    checkNotNull(kinds, "kinds");
    checkNotNull(report, "report");
    Session session = kinds.session();
    int after = 0;
    int off = 0;
    boolean silenceKept = true;
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      if (!contribution.phase().isAfterPresentation()) {
        continue;
      }
      after++;
      boolean presenterSpoke =
          contribution.phase() == Phase.DISCUSSION
              && session
                  .cases()
                  .get(contribution.caseIndex())
                  .presenter()
                  .equals(contribution.speaker());
      silenceKept &= !presenterSpoke;
      if (presenterSpoke || OFF_METHOD.contains(kinds.kindOf(i))) {
        off++;
      }
    }
    int errors = 0;
    int warnings = 0;
    for (Violation violation : report.violationsOf(session.id())) {
      if (violation.severity() == Severity.ERROR) {
        errors++;
      } else if (violation.severity() == Severity.WARNING) {
        warnings++;
      }
    }
    return Fidelity.builder()
        .sessionId(session.id())
        .afterPresentation(after)
        .offMethod(off)
        .presenterSilenceKept(silenceKept)
        .errors(errors)
        .warnings(warnings)
        .build();
  }
}
