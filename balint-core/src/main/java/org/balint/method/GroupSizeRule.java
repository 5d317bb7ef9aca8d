package org.balint.method;

import com.google.common.collect.ImmutableList;

/**
 * {@code group.size}: the group has fewer or more members (leaders not counted) than the
 * protocol's bounds, inclusive (8 to 10 in {@code balint-standard}).
 */
public final class GroupSizeRule implements Rule {
  /** The rule's id. */
  public static final String ID = "group.size";

  /** Creates the rule. */
  public GroupSizeRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String guidance() {
    return "Keep the group small and closed: enough members for a rich discussion, few enough for"
        + " everyone to be heard.";
  }

  @Override
  public Scope scope() {
    return Scope.GROUP;
  }

  @Override
  public ImmutableList<Violation> check(RuleContext context) {
    int members = context.group().members().size();
    int min = context.parameters().minMembers();
    int max = context.parameters().maxMembers();
    if (members >= min && members <= max) {
      return ImmutableList.of();
    }
    return ImmutableList.of(
        context.groupViolation(
            String.format(
                "The group has %s; the method works best with %d to %d.",
                Phrases.count(members, "member", "members"), min, max)));
  }
}
