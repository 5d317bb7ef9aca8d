package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A rule whose id, default severity, scope and guidance are fixed when it is made; a subclass
 * answers only its one question, in {@link #check(RuleContext)}. The built-in rules extend it, and
 * so may a user's own.
 */
public abstract class BasicRule implements Rule {
  private final String id;
  private final Severity defaultSeverity;
  private final Scope scope;
  private final String guidance;

  /**
   * Makes a rule.
   *
   * @param id the rule's id, such as {@code local.no-sunday}
   * @param defaultSeverity the severity unless a protocol overrides it
   * @param scope whether the rule looks at the group or at one session
   * @param guidance one plain sentence a facilitator can say when the rule is breached
   * @throws IllegalArgumentException if {@code id} or {@code guidance} is blank
   */
  protected BasicRule(String id, Severity defaultSeverity, Scope scope, String guidance) {
    checkArgument(
        !checkNotNull(id, "id").isBlank(), "rule id must not be blank, but was \"%s\"", id);
    checkArgument(
        !checkNotNull(guidance, "guidance").isBlank(),
        "rule %s needs guidance, but was \"%s\"",
        id,
        guidance);
    this.id = id;
    this.defaultSeverity = checkNotNull(defaultSeverity, "defaultSeverity");
    this.scope = checkNotNull(scope, "scope");
    this.guidance = guidance;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Severity defaultSeverity() {
    return defaultSeverity;
  }

  @Override
  public final Scope scope() {
    return scope;
  }

  @Override
  public final String guidance() {
    return guidance;
  }

  /**
   * The rule's id, for logs and test messages.
   *
   * @return the id
   */
  @Override
  public String toString() {
    return id;
  }
}
