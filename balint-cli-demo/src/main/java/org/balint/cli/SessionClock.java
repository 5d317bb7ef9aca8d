package org.balint.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The clock of a session at the command line: it follows the system clock (a live session) except
 * while held at an instant, which it is while one line runs (so that everything the line does
 * happens at the instant the journal records), while the journal is replayed, and always in a
 * session typed up afterwards (held at the time of the last timed line). Safe to read from a timer
 * thread.
 */
class SessionClock extends Clock {
  private final Clock system;
  private volatile @Nullable Instant held;

  SessionClock(Clock system) {
    this.system = system;
  }

  /** Holds the clock at an instant until {@link #release()} or another hold. */
  void hold(Instant instant) {
    held = instant;
  }

  /** Lets the clock follow the system clock again. */
  void release() {
    held = null;
  }

  /** The instant the clock is held at, if it is. */
  @Nullable Instant held() {
    return held;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the session clock is always in UTC");
  }

  @Override
  public Instant instant() {
    Instant instant = held;
    return instant != null ? instant : system.instant();
  }
}
