package org.balint.method;

import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A breach of the method: which rule, how serious, a message a facilitator understands, and where
 * (the group; a session; a contribution's 0-based index in the session's contributions).
 *
 * <p>Group rules carry no session; session-level rules carry a session but no contribution.
 */
@Value.Immutable
public abstract class AbstractViolation {
  /**
   * The id of the rule that fired, such as {@code group.size}.
   *
   * @return the rule id
   */
  public abstract String ruleId();

  /**
   * How serious the breach is, as the protocol sets it.
   *
   * @return the severity
   */
  public abstract Severity severity();

  /**
   * A plain-language message that a facilitator would understand.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * The id of the group.
   *
   * @return the group id
   */
  public abstract String groupId();

  /**
   * The id of the session, for rules about a session or a contribution.
   *
   * @return the session id, or empty for a group rule
   */
  public abstract Optional<String> sessionId();

  /**
   * The 0-based index of the contribution in its session's contributions, for rules about one
   * contribution.
   *
   * @return the contribution index, or empty
   */
  public abstract OptionalInt contributionIndex();
}
