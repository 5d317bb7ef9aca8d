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
public final class PatientIdentifierRule extends BasicRule implements ContributionRule {
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
    return violations.addAll(context.eachContribution(this)).build();
  }

  @Override
  public ImmutableList<Violation> checkContribution(ContributionContext context) {
    Contribution contribution = context.contribution();
    ImmutableList<Identifier> found = detector.detect(contribution.text());
    if (found.isEmpty()) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.violation(
            String.format(
                "What %s said in %s holds what looks like a patient identifier (%s).",
                context.nameOf(contribution.speaker()),
                contribution.phase().words(),
                types(found))));
  }

  private static String types(ImmutableList<Identifier> found) {
    return found.stream()
        .map(identifier -> identifier.type().placeholder())
        .distinct()
        .collect(Collectors.joining(", "));
  }
}
