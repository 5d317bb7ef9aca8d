package org.balint.method;

import com.google.common.collect.ImmutableList;
import org.balint.group.Leader;
import org.balint.group.LeaderTraining;

/**
 * {@code leader.training}: a leader has no training in the method, or is in training without a
 * co-leader who is trained or accredited. One violation per such leader, about the group; leaders
 * who have left are not counted, as leaders or as co-leaders.
 */
public final class LeaderTrainingRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "leader.training";

  /** Creates the rule. */
  public LeaderTrainingRule() {
    super(
        ID,
        Severity.WARNING,
        Scope.GROUP,
        "Leaders need training in the Balint method; a leader in training should co-lead with a "
            + "trained or accredited leader.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    ImmutableList.Builder<Violation> violations = ImmutableList.builder();
    for (Leader leader : context.group().currentLeaders()) {
      if (leader.training() == LeaderTraining.NONE) {
        violations.add(
            context.groupViolation(
                String.format(
                    "%s leads the group without training in the Balint method.", leader.name())));
      } else if (leader.training() == LeaderTraining.IN_TRAINING
          && !hasTrainedCoLeader(context, leader)) {
        violations.add(
            context.groupViolation(
                String.format(
                    "%s is in training as a leader but has no trained or accredited co-leader.",
                    leader.name())));
      }
    }
    return violations.build();
  }

  private static boolean hasTrainedCoLeader(RuleContext context, Leader leader) {
    return context.group().currentLeaders().stream()
        .anyMatch(other -> !other.id().equals(leader.id()) && other.training().isTrained());
  }
}
