package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.balint.group.Group;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import org.balint.language.SessionKinds;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * A named, parameterised set of the method's rules, in the order their violations are reported.
 *
 * <p>Protocols are data: {@link Protocols} ships {@code balint-standard} and the societies'
 * variants, and a user changes one without forking code, with {@link #withRule(Rule)}, {@link
 * #withoutRule(String)}, {@link #withSeverity(String, Severity)} or {@code withParameters(..)}:
 *
 * <pre>{@code
 * Protocol ours = Protocols.standard()
 *     .withSeverity("session.case-count", Severity.INFO)
 *     .withRule(new MyRule());
 * ValidationReport report = ours.validate(record);
 * }</pre>
 */
@Value.Immutable
public abstract class AbstractProtocol {
  /**
   * The protocol's name, such as {@code balint-standard}.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * The protocol's numbers: size bounds, session length, drift threshold, severity overrides.
   *
   * @return the parameters; the standard ones by default
   */
  @Value.Default
  public ProtocolParameters parameters() {
    return ProtocolParameters.builder().build();
  }

  /**
   * The rules, in the order their violations are reported when they tie.
   *
   * @return the rules, with unique ids
   */
  public abstract ImmutableList<Rule> rules();

  /**
   * Finds a rule by id.
   *
   * @param id the rule's id, such as {@code presenter.silence}
   * @return the rule, or empty if the protocol has no rule with that id
   */
  public Optional<Rule> rule(String id) {
    checkNotNull(id, "id");
    return rules().stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  /**
   * The severity this protocol gives a rule's violations: its override, else the rule's default.
   *
   * @param rule the rule
   * @return the severity
   */
  public Severity severityOf(Rule rule) {
    return parameters().severityOverrides().getOrDefault(rule.id(), rule.defaultSeverity());
  }

  /**
   * A copy with a rule added at the end, or put in the place of the rule with the same id.
   *
   * @param rule the rule to add or replace
   * @return the changed protocol
   */
  public Protocol withRule(Rule rule) {
    checkNotNull(rule, "rule");
    List<Rule> rules = new ArrayList<>(rules());
    int index = indexOf(rule.id());
    if (index >= 0) {
      rules.set(index, rule);
    } else {
      rules.add(rule);
    }
    return Protocol.builder().from(this).rules(rules).build();
  }

  /**
   * A copy without the rule of an id, and without any severity override for it.
   *
   * @param id the rule's id
   * @return the changed protocol
   * @throws IllegalArgumentException if the protocol has no rule with that id
   */
  public Protocol withoutRule(String id) {
    int index = indexOf(id);
    checkArgument(index >= 0, "protocol %s has no rule with the id \"%s\"", name(), id);
    List<Rule> rules = new ArrayList<>(rules());
    rules.remove(index);
    return Protocol.builder()
        .from(this)
        .rules(rules)
        .parameters(parameters().withSeverityOverrides(overridesWithout(id).build()))
        .build();
  }

  /**
   * A copy in which one rule's violations have another severity.
   *
   * @param id the rule's id
   * @param severity the severity to give its violations
   * @return the changed protocol
   * @throws IllegalArgumentException if the protocol has no rule with that id
   */
  public Protocol withSeverity(String id, Severity severity) {
    checkNotNull(severity, "severity");
    checkArgument(indexOf(id) >= 0, "protocol %s has no rule with the id \"%s\"", name(), id);
    return Protocol.builder()
        .from(this)
        .parameters(
            parameters().withSeverityOverrides(overridesWithout(id).put(id, severity).build()))
        .build();
  }

  /**
   * Checks a group and its sessions, deciding uncoded contributions with the {@linkplain
   * ContributionClassifiers#defaultClassifier() default classifier}.
   *
   * @param record the group and its sessions
   * @return the report, violations in document order
   */
  public ValidationReport validate(GroupRecord record) {
    return validate(record, ContributionClassifiers.defaultClassifier());
  }

  /**
   * Checks a group and its sessions, deciding uncoded contributions with a given classifier.
   *
   * <p>The violations come in document order: the group rules' first, then for each session in turn
   * its session-level violations, then its contribution-level ones by contribution index;
   * violations that tie keep the order of the protocol's rules.
   *
   * @param record the group and its sessions
   * @param classifier decides the kind of contributions no coder labelled
   * @return the report
   */
  public ValidationReport validate(GroupRecord record, ContributionClassifier classifier) {
    checkNotNull(record, "record");
    checkNotNull(classifier, "classifier");
    Group group = record.group();
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (Rule rule : rules()) {
      if (rule.scope() == Rule.Scope.GROUP) {
        violations.addAll(
            rule.check(RuleContext.forGroup(rule, group, parameters(), severityOf(rule))));
      }
    }
    List<Violation> uncertain = new ArrayList<>();
    for (Session session : record.sessions()) {
      SessionKinds kinds = SessionKinds.of(group, session, classifier);
      List<Violation> sessionLevel = new ArrayList<>();
      List<Violation> contributionLevel = new ArrayList<>();
      for (Rule rule : rules()) {
        if (rule.scope() == Rule.Scope.SESSION) {
          RuleContext context =
              RuleContext.forSession(rule, group, kinds, parameters(), severityOf(rule), uncertain);
          for (Violation violation : rule.check(context)) {
            (violation.contributionIndex().isPresent() ? contributionLevel : sessionLevel)
                .add(violation);
          }
        }
      }
      // A stable sort: violations of one contribution keep the order of the rules.
      contributionLevel.sort(Comparator.comparingInt(v -> v.contributionIndex().getAsInt()));
      violations.addAll(sessionLevel).addAll(contributionLevel);
    }
    return ValidationReport.builder().violations(violations.build()).uncertain(uncertain).build();
  }

  /**
   * Checks one new contribution of a session being recorded, in the light of what came before it,
   * with the protocol's {@linkplain ContributionRule contribution rules}. The cost does not depend
   * on how many contributions came before. Over a whole session this finds exactly the contribution
   * rules' violations that {@link #validate(GroupRecord, ContributionClassifier)} finds in the
   * finished session, given the same presence and cases; the other rules are checked only on the
   * finished session.
   *
   * @param group the group whose session it is
   * @param contribution the contribution in its session
   * @param classifier decides its kind if no coder labelled it (asked at most once, and only if a
   *     rule needs the kind)
   * @return the violations about the contribution, in the order of the protocol's rules
   */
  public ImmutableList<Violation> checkContribution(
      Group group, ContributionInSession contribution, ContributionClassifier classifier) {
    checkNotNull(group, "group");
    checkNotNull(contribution, "contribution");
    checkNotNull(classifier, "classifier");
    Supplier<Classification> kind =
        Suppliers.memoize(
            () ->
                contribution
                    .contribution()
                    .kind()
                    .map(coded -> Classification.builder().kind(coded).build())
                    .orElseGet(
                        () ->
                            classifier.classify(
                                contribution.contribution().text(),
                                Optional.of(contribution.contribution().phase()),
                                Optional.of(
                                    contribution.speakerRole(
                                        group.isLeader(contribution.contribution().speaker()))))));
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (Rule rule : rules()) {
      if (rule instanceof ContributionRule) {
        violations.addAll(
            ((ContributionRule) rule)
                .checkContribution(
                    new ContributionContext(
                        rule,
                        group,
                        contribution,
                        parameters(),
                        severityOf(rule),
                        kind,
                        // Live, an uncertain finding is no warning: it is dropped.
                        uncertain -> {})));
      }
    }
    return violations.build();
  }

  /** The severity overrides other than the one of a rule, to build on. */
  private ImmutableMap.Builder<String, Severity> overridesWithout(String id) {
    ImmutableMap.Builder<String, Severity> overrides = ImmutableMap.builder();
    parameters()
        .severityOverrides()
        .forEach(
            (rule, severity) -> {
              if (!rule.equals(id)) {
                overrides.put(rule, severity);
              }
            });
    return overrides;
  }

  private int indexOf(String id) {
    checkNotNull(id, "id");
    for (int i = 0; i < rules().size(); i++) {
      if (rules().get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  @Value.Check
  void check() {
    checkArgument(!name().isBlank(), "protocol name must not be blank, but was \"%s\"", name());
    Set<String> ids = new HashSet<>();
    for (Rule rule : rules()) {
      checkArgument(
          ids.add(rule.id()),
          "protocol %s must not repeat a rule id, but \"%s\" appears twice",
          name(),
          rule.id());
    }
    for (String id : parameters().severityOverrides().keySet()) {
      checkArgument(
          ids.contains(id),
          "protocol %s overrides the severity of \"%s\", which is not one of its rules",
          name(),
          id);
    }
  }
}
