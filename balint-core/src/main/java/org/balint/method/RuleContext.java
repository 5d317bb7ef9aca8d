package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.balint.language.Classification;
import org.balint.language.SessionKinds;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Session;
import org.jspecify.annotations.Nullable;

/**
 * What a rule is given to check: the group, the session (for session rules), the protocol's
 * parameters, the severity the protocol sets for the rule, and each contribution's kind.
 *
 * <p>A contribution's kind is its coded kind where a human coder gave one; otherwise the classifier
 * decides, told the phase and the speaker's role in the case. The classifier runs at most once per
 * contribution per validation, and only for contributions a rule asks about.
 */
public final class RuleContext {
  private final Rule rule;
  private final Group group;
  private final @Nullable Session session;
  private final ProtocolParameters parameters;
  private final Severity severity;
  private final @Nullable SessionKinds kinds;

  /** Where a session rule's uncertain findings go; null for a group rule. */
  private final @Nullable List<Violation> uncertain;

  private RuleContext(
      Rule rule,
      Group group,
      @Nullable Session session,
      ProtocolParameters parameters,
      Severity severity,
      @Nullable SessionKinds kinds,
      @Nullable List<Violation> uncertain) {
    this.rule = rule;
    this.group = group;
    this.session = session;
    this.parameters = parameters;
    this.severity = severity;
    this.kinds = kinds;
    this.uncertain = uncertain;
  }

  static RuleContext forGroup(
      Rule rule, Group group, ProtocolParameters parameters, Severity severity) {
    return new RuleContext(rule, group, null, parameters, severity, null, null);
  }

  static RuleContext forSession(
      Rule rule,
      Group group,
      SessionKinds kinds,
      ProtocolParameters parameters,
      Severity severity,
      List<Violation> uncertain) {
    return new RuleContext(rule, group, kinds.session(), parameters, severity, kinds, uncertain);
  }

  /**
   * The group being checked.
   *
   * @return the group
   */
  public Group group() {
    return group;
  }

  /**
   * The session being checked.
   *
   * @return the session
   * @throws IllegalStateException if the context is a group rule's, which has no session
   */
  public Session session() {
    checkState(session != null, "rule %s is a group rule: its context has no session", rule.id());
    return session;
  }

  /**
   * The protocol's parameters: size bounds, number of cases, session length, drift threshold.
   *
   * @return the parameters
   */
  public ProtocolParameters parameters() {
    return parameters;
  }

  /**
   * The severity the protocol sets for the rule being checked.
   *
   * @return the severity to give its violations
   */
  public Severity severity() {
    return severity;
  }

  /**
   * The kind of one contribution of the session: its coded kind if a coder gave one, else the
   * classifier's, given the contribution's phase and the speaker's role in its case.
   *
   * @param contributionIndex the contribution's 0-based index in the session's contributions
   * @return the kind
   * @throws IllegalStateException if the context is a group rule's
   * @throws IndexOutOfBoundsException if there is no contribution at that index
   */
  public ContributionKind kindOf(int contributionIndex) {
    checkState(
        kinds != null, "rule %s is a group rule: its context has no contributions", rule.id());
    return kinds.kindOf(contributionIndex);
  }

  /**
   * Whether a contribution's kind is sure enough to count as a breach: coded, or classified with at
   * least the protocol's {@link ProtocolParameters#minimumConfidence()}.
   *
   * @param contributionIndex the contribution's 0-based index in the session's contributions
   * @return whether its kind is certain enough
   * @throws IllegalStateException if the context is a group rule's
   * @throws IndexOutOfBoundsException if there is no contribution at that index
   */
  public boolean isCertain(int contributionIndex) {
    return confidenceOf(contributionIndex) >= parameters.minimumConfidence();
  }

  /**
   * How sure a contribution's kind is: 1 if coded, else the classifier's confidence.
   *
   * @param contributionIndex the contribution's 0-based index in the session's contributions
   * @return the confidence, between 0 and 1
   * @throws IllegalStateException if the context is a group rule's
   * @throws IndexOutOfBoundsException if there is no contribution at that index
   */
  public double confidenceOf(int contributionIndex) {
    checkState(
        kinds != null, "rule %s is a group rule: its context has no contributions", rule.id());
    return kinds.confidenceOf(contributionIndex);
  }

  /**
   * How a facilitator would name someone: their name on the roster, else their id in quotes.
   *
   * @param id a leader's, member's or visitor's id
   * @return the name, such as {@code Dr Ben Ode}, or {@code someone with the id "x9"}
   */
  public String nameOf(String id) {
    return nameOf(group, id);
  }

  static String nameOf(Group group, String id) {
    Optional<String> name =
        group.leader(id).map(Leader::name).or(() -> group.member(id).map(Member::name));
    return name.orElse("someone with the id \"" + id + "\"");
  }

  /**
   * Checks each contribution of the session in turn with a contribution rule, in the light of the
   * contributions before it: what the rule would have found as each was made.
   *
   * @param contributionRule the rule being checked, which this context is for
   * @return the violations, by contribution index
   * @throws IllegalStateException if the context is a group rule's
   * @throws IllegalArgumentException if {@code contributionRule} is not the rule of this context
   */
  public ImmutableList<Violation> eachContribution(ContributionRule contributionRule) {
    checkArgument(
        contributionRule == rule,
        "this context is for rule %s, not %s",
        rule.id(),
        contributionRule.id());
    Session checked = session();
    SessionKinds sessionKinds = Objects.requireNonNull(kinds);
    ImmutableSet<String> present = ImmutableSet.copyOf(checked.present());
    Map<Integer, Phase> previous = new HashMap<>();
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (int i = 0; i < checked.contributions().size(); i++) {
      Contribution contribution = checked.contributions().get(i);
      ContributionInSession inSession =
          ContributionInSession.builder()
              .sessionId(checked.id())
              .present(present)
              .cases(checked.cases())
              .index(i)
              .contribution(contribution)
              .previousPhaseInCase(
                  Optional.ofNullable(previous.put(contribution.caseIndex(), contribution.phase())))
              .build();
      int index = i;
      List<Violation> sink = Objects.requireNonNull(uncertain);
      violations.addAll(
          contributionRule.checkContribution(
              new ContributionContext(
                  rule,
                  group,
                  inSession,
                  parameters,
                  severity,
                  () ->
                      Classification.builder()
                          .kind(sessionKinds.kindOf(index))
                          .confidence(sessionKinds.confidenceOf(index))
                          .build(),
                  sink::add)));
    }
    return violations.build();
  }

  /**
   * A violation of the rule about the group as a whole.
   *
   * <p>Messages here and below are sentences: their first letter is put in upper case.
   *
   * @param message the plain-language message
   * @return the violation, carrying no session and no contribution
   */
  public Violation groupViolation(String message) {
    return violation(message, Optional.empty(), OptionalInt.empty());
  }

  /**
   * A violation of the rule about the session as a whole.
   *
   * @param message the plain-language message
   * @return the violation, carrying the session but no contribution
   * @throws IllegalStateException if the context is a group rule's
   */
  public Violation sessionViolation(String message) {
    return violation(message, Optional.of(session().id()), OptionalInt.empty());
  }

  /**
   * A violation of the rule about one contribution of the session.
   *
   * @param contributionIndex the contribution's 0-based index
   * @param message the plain-language message
   * @return the violation, carrying the session and the contribution's index
   * @throws IllegalStateException if the context is a group rule's
   * @throws IndexOutOfBoundsException if there is no contribution at that index
   */
  public Violation contributionViolation(int contributionIndex, String message) {
    checkElementIndex(contributionIndex, session().contributions().size(), "contributionIndex");
    return violation(message, Optional.of(session().id()), OptionalInt.of(contributionIndex));
  }

  private Violation violation(String message, Optional<String> sessionId, OptionalInt index) {
    return violation(rule, severity, group, checkNotNull(message, "message"), sessionId, index);
  }

  static Violation violation(
      Rule rule,
      Severity severity,
      Group group,
      String message,
      Optional<String> sessionId,
      OptionalInt index) {
    return Violation.builder()
        .ruleId(rule.id())
        .severity(severity)
        .message(Phrases.capitalised(message))
        .groupId(group.id())
        .sessionId(sessionId)
        .contributionIndex(index)
        .build();
  }
}
