package org.balint.method;

import com.google.common.collect.ImmutableList;

/**
 * One rule of the Balint method, with one question to answer about a group or a session.
 *
 * <p>A rule never throws for a breach of the method: it returns the breaches as {@link Violation
 * violations}, built with the context's {@code *Violation} methods so that they carry the rule's
 * id, the severity the protocol sets for it, and the right place. Group rules ({@link Scope#GROUP})
 * are checked once per group; session rules ({@link Scope#SESSION}) once per session.
 * Implementations are stateless and safe to share between threads and protocols.
 */
public interface Rule {
  /** What a rule looks at. */
  enum Scope {
    /** The group itself: its roster, leaders and their training. Checked once per validation. */
    GROUP,
    /** One session: its attendance, cases, phases and contributions. Checked once per session. */
    SESSION
  }

  /**
   * The rule's id, such as {@code group.size}; unique within a protocol.
   *
   * @return the id
   */
  String id();

  /**
   * The severity the rule has unless a protocol overrides it.
   *
   * @return the default severity
   */
  Severity defaultSeverity();

  /**
   * One plain sentence a facilitator can say when the rule is breached: what the method asks
   * instead.
   *
   * @return the guidance
   */
  String guidance();

  /**
   * Whether the rule looks at the group or at one session.
   *
   * @return the scope
   */
  Scope scope();

  /**
   * Checks the group or the session of a context.
   *
   * @param context the group, the session (for session rules), the protocol's parameters, the
   *     severity to use and the contributions' kinds
   * @return the breaches found, in the order the rule finds them; empty when there are none
   */
  ImmutableList<Violation> check(RuleContext context);
}
