package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import org.balint.session.Phase;
import org.immutables.value.Value;

/**
 * The numbers of a protocol: group size bounds, leaders, cases per session, session length, the
 * clinical drift threshold, per-rule severity overrides and the planned length of each phase.
 *
 * <p>The defaults are those of {@code balint-standard}: 8–10 members, at most 2 leaders, one case
 * per session, 90 minutes give or take 15, drift above 1/4 of the discussion. Change them with
 * {@code with*} copies or {@code ProtocolParameters.builder()}.
 */
@Value.Immutable
public abstract class AbstractProtocolParameters {
  /**
   * The fewest members (leaders not counted) a group should have.
   *
   * @return the lower size bound, inclusive; 8 by default
   */
  @Value.Default
  public int minMembers() {
    return 8;
  }

  /**
   * The most members (leaders not counted) a group should have.
   *
   * @return the upper size bound, inclusive; 10 by default
   */
  @Value.Default
  public int maxMembers() {
    return 10;
  }

  /**
   * The most leaders a group should have (one leader or co-leaders).
   *
   * @return the upper bound on leaders, inclusive; 2 by default
   */
  @Value.Default
  public int maxLeaders() {
    return 2;
  }

  /**
   * The most cases a session should take.
   *
   * @return the upper bound on cases, inclusive; 1 by default
   */
  @Value.Default
  public int maxCasesPerSession() {
    return 1;
  }

  /**
   * The planned length of a session.
   *
   * @return the nominal length; 90 minutes by default
   */
  @Value.Default
  public Duration nominalSessionLength() {
    return Duration.ofMinutes(90);
  }

  /**
   * How far a session may differ from its nominal length; strictly further fires {@code
   * session.duration}.
   *
   * @return the tolerance; 15 minutes by default
   */
  @Value.Default
  public Duration sessionLengthTolerance() {
    return Duration.ofMinutes(15);
  }

  /**
   * The numerator of the clinical drift threshold, as an exact fraction of the discussion.
   *
   * @return the numerator; 1 by default (of 1/4)
   */
  @Value.Default
  public int clinicalDriftNumerator() {
    return 1;
  }

  /**
   * The denominator of the clinical drift threshold.
   *
   * @return the denominator; 4 by default (of 1/4)
   */
  @Value.Default
  public int clinicalDriftDenominator() {
    return 4;
  }

  /**
   * The least confidence a classifier must have in a contribution's kind for a rule to count it as
   * a breach when no coder labelled it. Below, the contribution is reported as uncertain ({@link
   * ValidationReport#uncertain()}), never as a violation. Coded kinds are always certain.
   *
   * @return the probability, between 0 and 1; {@value #DEFAULT_MINIMUM_CONFIDENCE} by default
   */
  @Value.Default
  public double minimumConfidence() {
    return DEFAULT_MINIMUM_CONFIDENCE;
  }

  /** The default of {@link #minimumConfidence()} (docs/classifier.md gives its measured effect). */
  public static final double DEFAULT_MINIMUM_CONFIDENCE = 0.8;

  /**
   * Severities that replace rules' default severities, by rule id.
   *
   * @return the overrides; none by default
   */
  public abstract ImmutableMap<String, Severity> severityOverrides();

  /**
   * The planned length of each phase of a case, for live timing; a phase without a plan is not
   * timed.
   *
   * @return the plans by phase; by default opening 0–5, presentation 10–15, questions 5–10,
   *     discussion 30–45, presenter returns 5 and closing 5 minutes
   */
  @Value.Default
  public ImmutableMap<Phase, PhasePlan> phasePlans() {
    return ImmutableMap.of(
        Phase.OPENING, PhasePlan.ofMinutes(0, 5),
        Phase.PRESENTATION, PhasePlan.ofMinutes(10, 15),
        Phase.QUESTIONS, PhasePlan.ofMinutes(5, 10),
        Phase.DISCUSSION, PhasePlan.ofMinutes(30, 45),
        Phase.PRESENTER_RETURNS, PhasePlan.ofMinutes(5, 5),
        Phase.CLOSING, PhasePlan.ofMinutes(5, 5));
  }

  /**
   * The shortest session that does not fire {@code session.duration}.
   *
   * @return the nominal length less the tolerance
   */
  public Duration shortestSession() {
    return nominalSessionLength().minus(sessionLengthTolerance());
  }

  /**
   * The longest session that does not fire {@code session.duration}.
   *
   * @return the nominal length plus the tolerance
   */
  public Duration longestSession() {
    return nominalSessionLength().plus(sessionLengthTolerance());
  }

  @Value.Check
  void check() {
    checkArgument(minMembers() >= 0, "minMembers must not be negative, but was %s", minMembers());
    checkArgument(
        maxMembers() >= minMembers(),
        "maxMembers must not be less than minMembers (%s), but was %s",
        minMembers(),
        maxMembers());
    checkArgument(maxLeaders() >= 1, "maxLeaders must be at least 1, but was %s", maxLeaders());
    checkArgument(
        minimumConfidence() >= 0 && minimumConfidence() <= 1,
        "minimumConfidence must be between 0 and 1, but was %s",
        minimumConfidence());
    checkArgument(
        maxCasesPerSession() >= 1,
        "maxCasesPerSession must be at least 1, but was %s",
        maxCasesPerSession());
    checkArgument(
        nominalSessionLength().compareTo(Duration.ZERO) > 0,
        "nominalSessionLength must be positive, but was %s",
        nominalSessionLength());
    checkArgument(
        !sessionLengthTolerance().isNegative(),
        "sessionLengthTolerance must not be negative, but was %s",
        sessionLengthTolerance());
    checkArgument(
        clinicalDriftDenominator() > 0,
        "clinicalDriftDenominator must be positive, but was %s",
        clinicalDriftDenominator());
    checkArgument(
        clinicalDriftNumerator() >= 0 && clinicalDriftNumerator() <= clinicalDriftDenominator(),
        "clinicalDriftNumerator must be between 0 and the denominator (%s), but was %s",
        clinicalDriftDenominator(),
        clinicalDriftNumerator());
  }
}
