package org.balint.method;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.stream.Collectors;
import org.balint.privacy.Identifier;
import org.balint.privacy.IdentifierDetector;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * {@code confidentiality.identifier}: a case title or a contribution's text holds a patient
 * identifier. A title gives one violation about the session per case; a text one violation per
 * contribution. Roster names are not scanned. Messages name the types of identifier found, never
 * the identifiers themselves.
 */
public final class PatientIdentifierRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "confidentiality.identifier";

  private final IdentifierDetector detector;

  /** Creates the rule with the standard detector of UK patient identifiers. */
  public PatientIdentifierRule() {
    this(IdentifierDetector.standard());
  }

  /**
   * Creates the rule with a detector of one's own.
   *
   * @param detector finds patient identifiers in a text
   */
  public PatientIdentifierRule(IdentifierDetector detector) {
    super(
        ID,
        Severity.ERROR,
        Scope.SESSION,
        "Keep the patient anonymous: no names, numbers, dates of birth or addresses in what is"
            + " kept.");
    this.detector = checkNotNull(detector, "detector");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Session session = context.session();
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (int k = 0; k < session.cases().size(); k++) {
      ImmutableList<Identifier> found = detector.detect(session.cases().get(k).title());
      if (!found.isEmpty()) {
        violations.add(
            context.sessionViolation(
                String.format(
                    "The title of %s holds what looks like a patient identifier (%s).",
                    Phrases.caseName(k), types(found))));
      }
    }
    for (int i = 0; i < session.contributions().size(); i++) {
      Contribution contribution = session.contributions().get(i);
      ImmutableList<Identifier> found = detector.detect(contribution.text());
      if (!found.isEmpty()) {
        violations.add(
            context.contributionViolation(
                i,
                String.format(
                    "What %s said in %s holds what looks like a patient identifier (%s).",
                    context.nameOf(contribution.speaker()),
                    Phrases.phase(contribution.phase()),
                    types(found))));
      }
    }
    return violations.build();
  }

  private static String types(ImmutableList<Identifier> found) {
    return found.stream()
        .map(identifier -> identifier.type().placeholder())
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
