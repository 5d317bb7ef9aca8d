package org.balint.store;

import org.balint.Ids;
import org.immutables.value.Value;

/** Names one stored session: its group's id and its own id. */
@Value.Immutable
public abstract class AbstractSessionKey {
  /**
   * The group's id.
   *
   * @return the group id
   */
  @Value.Parameter
  public abstract String groupId();

  /**
   * The session's id, unique in its group.
   *
   * @return the session id
   */
  @Value.Parameter
  public abstract String sessionId();

  /**
   * Names the session in messages, the same way in every store.
   *
   * @return {@code session SESSION of group GROUP}
   */
  public String describe() {
    return "session " + sessionId() + " of group " + groupId();
  }

  @Value.Check
  void check() {
    Ids.check("groupId", groupId());
    Ids.check("sessionId", sessionId());
  }
}
