package org.balint.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until moved on: the demo's ninety minutes pass in a moment. */
final class SimulatedClock extends Clock {
  private Instant now;

  SimulatedClock(Instant start) {
    this.now = start;
  }

  /** Moves the clock on. */
  void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the simulated clock is always in UTC");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
