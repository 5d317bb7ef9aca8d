package org.balint.training;

import java.time.Duration;
import java.time.Instant;
import org.balint.session.SessionMode;
import org.immutables.value.Value;

/** One session in a person's ledger: which, when, how long, where, and in what role. */
@Value.Immutable
public abstract class AbstractLedgerEntry {
  /**
   * The group's id.
   *
   * @return the group id
   */
  public abstract String groupId();

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
   * How long the session lasted; zero when its end is unknown (no hours are credited then).
   *
   * @return the duration
   */
  public abstract Duration duration();

  /**
   * Whether the session met in person or online.
   *
   * @return the mode
   */
  public abstract SessionMode mode();

  /**
   * How the person took part.
   *
   * @return the role
   */
  public abstract AttendanceRole role();
}
