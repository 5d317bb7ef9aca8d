package org.balint.method;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code session.duration}: a session whose end is known lasted strictly more than the tolerance
 * away from the nominal length (90 minutes give or take 15 in {@code balint-standard}), in exact
 * time.
 */
public final class SessionDurationRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "session.duration";

  /** Creates the rule. */
  public SessionDurationRule() {
    super(
        ID,
        Severity.WARNING,
        Scope.SESSION,
        "Keep to the agreed time: a steady frame lets the group settle into the work.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    Optional<Duration> length = context.session().duration();
    ProtocolParameters parameters = context.parameters();
    if (length.isEmpty()
        || length
                .get()
                .minus(parameters.nominalSessionLength())
                .abs()
                .compareTo(parameters.sessionLengthTolerance())
            <= 0) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.sessionViolation(
            String.format(
                "The session lasted %s; the protocol plans %s, give or take %s.",
                Phrases.length(length.get()),
                Phrases.length(parameters.nominalSessionLength()),
                Phrases.length(parameters.sessionLengthTolerance()))));
  }
}
