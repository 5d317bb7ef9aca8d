package org.balint.method;

import com.google.common.collect.ImmutableList;

/**
 * {@code group.leadership}: the group has no leader, or more leaders than the protocol allows (2 in
 * {@code balint-standard}: one leader or two co-leaders). Leaders who have left (who have a {@code
 * left} date) are not counted.
 */
public final class GroupLeadershipRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "group.leadership";

  /** Creates the rule. */
  public GroupLeadershipRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.GROUP,
        "A Balint group is led by one leader or two co-leaders who hold the frame and keep the "
            + "group safe.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    int leaders = context.group().currentLeaders().size();
    int max = context.parameters().maxLeaders();
    if (leaders == 0) {
      return ImmutableList.of(
          context.groupViolation(
              "The group has no leader; a Balint group needs a trained leader or two co-leaders."));
    }
    if (leaders > max) {
      return ImmutableList.of(
          context.groupViolation(
              String.format(
                  "The group has %d leaders; the method allows at most %d.", leaders, max)));
    }
    return ImmutableList.of();
  }
}
