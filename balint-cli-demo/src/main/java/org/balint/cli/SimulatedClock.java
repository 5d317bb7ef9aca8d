package org.balint.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that stands still until moved on: the demo's ninety minutes pass in a moment. */
final class SimulatedClock extends SessionClock {
  SimulatedClock(Instant start) {
    super(Clock.systemUTC());
    hold(start);
  }

  /** Moves the clock on. */
  void advance(Duration duration) {
    hold(instant().plus(duration));
  }
}
