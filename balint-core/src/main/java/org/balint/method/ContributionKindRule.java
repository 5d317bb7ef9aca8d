package org.balint.method;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.Locale;
import java.util.Set;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;

/**
 * The shape shared by the rules that flag one kind of contribution in some phases: one violation
 * per contribution of that kind in those phases. Only contributions in those phases are classified.
 * A contribution no coder labelled counts only if the classifier is at least as sure of its kind as
 * the protocol's {@code minimumConfidence}; otherwise it is reported as uncertain.
 */
abstract class ContributionKindRule extends BasicRule implements ContributionRule {
  /** The phases after the presentation: questions, discussion, the presenter's return, closing. */
  static final ImmutableSet<Phase> AFTER_PRESENTATION =
      Sets.immutableEnumSet(
          Phase.QUESTIONS, Phase.DISCUSSION, Phase.PRESENTER_RETURNS, Phase.CLOSING);

  private final ContributionKind kind;
  private final Set<Phase> phases;

  ContributionKindRule(String id, String guidance, ContributionKind kind, Set<Phase> phases) {
    super(id, Severity.WARNING, Scope.SESSION, guidance);
    this.kind = kind;
    this.phases = Sets.immutableEnumSet(phases);
  }

  @Override
  public final ImmutableList<Violation> check(RuleContext context) {
    return context.eachContribution(this);
  }

  @Override
  public final ImmutableList<Violation> checkContribution(ContributionContext context) {
    Contribution contribution = context.contribution();
    if (!phases.contains(contribution.phase()) || context.kind() != kind) {
      return ImmutableList.of();
    }
    String message =
        String.format(
            "%s %s in %s; %s.",
            context.nameOf(contribution.speaker()),
            whatWasSaid(),
            contribution.phase().words(),
            whatTheMethodAsks());
    if (!context.isCertain()) {
      context.reportUncertain(
          String.format(
              Locale.ROOT,
              "Perhaps: %s (the classifier is %.0f%% sure, below the protocol's %.0f%%: not"
                  + " counted).",
              message.substring(0, message.length() - 1),
              100 * context.confidence(),
              100 * context.parameters().minimumConfidence()));
      return ImmutableList.of();
    }
    return ImmutableList.of(context.violation(message));
  }

  /** What the speaker did, as a verb phrase: "brought in another patient". */
  abstract String whatWasSaid();

  /** What the method asks instead, as a clause: "the group keeps to the presented case". */
  abstract String whatTheMethodAsks();
}
