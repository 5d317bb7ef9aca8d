package org.balint.method;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * {@code session.attendee}: someone takes part who is not on the group's roster, or speaks or
 * presents without being present.
 *
 * <p>About the session: each {@code present} id not on the roster, once per id; each case whose
 * presenter is off the roster or not present, once per case. About a contribution: a speaker off
 * the roster or not present, one violation per contribution even when both hold. Consenting ids are
 * not checked here.
 */
public final class SessionAttendeeRule extends BasicRule implements ContributionRule {
  /** The rule's id. */
  public static final String ID = "session.attendee";

  /** Creates the rule. */
  public SessionAttendeeRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.SESSION,
        "A Balint group is closed: only its own members and leaders, present in the room, take "
            + "part.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Session session = context.session();
    ImmutableSet<String> roster = context.group().rosterIds();
    Set<String> present = new HashSet<>(session.present());
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (String id : session.present()) {
      if (!roster.contains(id)) {
        violations.add(
            context.sessionViolation(
                String.format(
                    "Someone with the id \"%s\" was present but is not on the group's roster.",
                    id)));
      }
    }
    for (int i = 0; i < session.cases().size(); i++) {
      Case presented = session.cases().get(i);
      int k = i;
      problemWith(presented.presenter(), roster, present)
          .ifPresent(
              problem ->
                  violations.add(
                      context.sessionViolation(
                          String.format(
                              "%s presented %s but %s.",
                              context.nameOf(presented.presenter()),
                              Phrases.caseName(k),
                              problem))));
    }
    return violations.addAll(context.eachContribution(this)).build();
  }

  @Override
  public ImmutableList<Violation> checkContribution(ContributionContext context) {
    Contribution contribution = context.contribution();
    return problemWith(
            contribution.speaker(), context.group().rosterIds(), context.inSession().present())
        .map(
            problem ->
                ImmutableList.of(
                    context.violation(
                        String.format(
                            "%s spoke in %s but %s.",
                            context.nameOf(contribution.speaker()),
                            contribution.phase().words(),
                            problem))))
        .orElse(ImmutableList.of());
  }

  private static Optional<String> problemWith(String id, Set<String> roster, Set<String> present) {
    if (!roster.contains(id)) {
      return Optional.of("is not on the group's roster");
    }
    if (!present.contains(id)) {
      return Optional.of("is not marked present");
    }
    return Optional.empty();
  }
}
