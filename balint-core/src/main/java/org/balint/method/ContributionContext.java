package org.balint.method;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.balint.group.Group;
import org.balint.language.Classification;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;

/**
 * What a {@link ContributionRule} is given to check one contribution: the contribution in its
 * session, its kind, the group, the protocol's parameters and the severity the protocol sets for
 * the rule.
 */
public final class ContributionContext {
  private final Rule rule;
  private final Group group;
  private final ContributionInSession inSession;
  private final ProtocolParameters parameters;
  private final Severity severity;
  private final Supplier<Classification> kind;
  private final Consumer<Violation> uncertain;

  ContributionContext(
      Rule rule,
      Group group,
      ContributionInSession inSession,
      ProtocolParameters parameters,
      Severity severity,
      Supplier<Classification> kind,
      Consumer<Violation> uncertain) {
    this.rule = rule;
    this.group = group;
    this.inSession = inSession;
    this.parameters = parameters;
    this.severity = severity;
    this.kind = kind;
    this.uncertain = uncertain;
  }

  /**
   * The group whose session it is.
   *
   * @return the group
   */
  public Group group() {
    return group;
  }

  /**
   * The contribution in its session: who was present, the cases so far, the previous phase.
   *
   * @return the contribution in its context
   */
  public ContributionInSession inSession() {
    return inSession;
  }

  /**
   * The contribution being checked.
   *
   * @return the contribution
   */
  public Contribution contribution() {
    return inSession.contribution();
  }

  /**
   * The contribution's kind: its coded kind if a coder gave one, else the classifier's, given its
   * phase and the speaker's role in its case. Decided on the first call, once for all rules.
   *
   * @return the kind
   */
  public ContributionKind kind() {
    return kind.get().kind();
  }

  /**
   * How sure the contribution's kind is: 1 if coded, else the classifier's confidence.
   *
   * @return the confidence, between 0 and 1
   */
  public double confidence() {
    return kind.get().confidence();
  }

  /**
   * Whether the contribution's kind is sure enough to count as a breach: coded, or classified with
   * at least the protocol's {@link ProtocolParameters#minimumConfidence()}.
   *
   * @return whether its kind is certain enough
   */
  public boolean isCertain() {
    return confidence() >= parameters.minimumConfidence();
  }

  /**
   * Reports the contribution as one that would break the rule if its kind were surer: it goes to
   * the report's {@link ValidationReport#uncertain()} list with severity {@link Severity#INFO},
   * never among the violations (and a live recorder shows no warning for it).
   *
   * @param message the plain-language message, saying what it may be
   */
  public void reportUncertain(String message) {
    uncertain.accept(Violation.copyOf(violation(message)).withSeverity(Severity.INFO));
  }

  /**
   * The protocol's parameters.
   *
   * @return the parameters
   */
  public ProtocolParameters parameters() {
    return parameters;
  }

  /**
   * How a facilitator would name someone, as {@link RuleContext#nameOf(String)} does.
   *
   * @param id a leader's, member's or visitor's id
   * @return the name on the roster, else the id in quotes
   */
  public String nameOf(String id) {
    return RuleContext.nameOf(group, id);
  }

  /**
   * A violation of the rule about this contribution.
   *
   * @param message the plain-language message; its first letter is put in upper case
   * @return the violation, carrying the session and the contribution's index
   */
  public Violation violation(String message) {
    return RuleContext.violation(
        rule,
        severity,
        group,
        checkNotNull(message, "message"),
        Optional.of(inSession.sessionId()),
        OptionalInt.of(inSession.index()));
  }
}
