package org.balint.method;

import com.google.common.collect.ImmutableList;

/**
 * {@code group.size}: the group has fewer or more members (leaders not counted) than the protocol's
 * bounds, inclusive (8 to 10 in {@code balint-standard}). Members who have left (who have a {@code
 * left} date) stay on the roster but are not counted.
 */
public final class GroupSizeRule extends BasicRule {
  /** The rule's id. */
  public static final String ID = "group.size";

  /** Creates the rule. */
  public GroupSizeRule() {
    super(
        ID,
        Severity.ERROR,
        Scope.GROUP,
        "Keep the group small and closed: enough members for a rich discussion, few enough for "
            + "everyone to be heard.");
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    int members = context.group().currentMembers().size();
    int min = context.parameters().minMembers();
    int max = context.parameters().maxMembers();
    int gone = context.group().members().size() - members;
    if (members >= min && members <= max) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.groupViolation(
            String.format(
                "The group has %s%s; the method works best with %d to %d.",
                Phrases.count(members, "member", "members"),
                gone == 0 ? "" : " (" + Phrases.count(gone, "more has", "more have") + " left)",
                min,
                max)));
  }
}
