package org.balint.store;

import java.time.Instant;
import org.balint.Ids;
import org.immutables.value.Value;

/**
 * One line of a person's attendance ledger in a group: a session of the group, whether the person
 * was present, and how many of its cases they presented.
 */
@Value.Immutable
public abstract class AbstractAttendance {
  /**
   * The session's id.
   *
   * @return the session id
   */
  public abstract String sessionId();

  /**
   * When the session started.
   *
   * @return the start
   */
  public abstract Instant start();

  /**
   * Whether the person was in the session's {@code present} list.
   *
   * @return true when present
   */
  public abstract boolean present();

  /**
   * How many of the session's cases the person presented.
   *
   * @return the number of cases presented, usually 0 or 1
   */
  public abstract int casesPresented();

  @Value.Check
  void check() {
    Ids.check("attendance.sessionId", sessionId());
  }
}
