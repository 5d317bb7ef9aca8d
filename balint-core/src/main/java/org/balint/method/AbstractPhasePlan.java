package org.balint.method;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How long one phase of a case is planned to take: at least {@link #minimum()}, at most {@link
 * #maximum()}. A phase that runs past its maximum has overrun.
 */
@Value.Immutable
public abstract class AbstractPhasePlan {
  /**
   * The shortest the phase is planned to take.
   *
   * @return the minimum, not negative
   */
  @Value.Parameter
  public abstract Duration minimum();

  /**
   * The longest the phase is planned to take; past it, the phase has overrun.
   *
   * @return the maximum, not less than the minimum
   */
  @Value.Parameter
  public abstract Duration maximum();

  /**
   * A plan of whole minutes.
   *
   * @param minimumMinutes the shortest, in minutes
   * @param maximumMinutes the longest, in minutes
   * @return the plan
   * @throws IllegalArgumentException if the minimum is negative or greater than the maximum
   */
  public static PhasePlan ofMinutes(long minimumMinutes, long maximumMinutes) {
    return PhasePlan.of(Duration.ofMinutes(minimumMinutes), Duration.ofMinutes(maximumMinutes));
  }

  @Value.Check
  void check() {
    checkArgument(
        !minimum().isNegative(), "phase plan minimum must not be negative, but was %s", minimum());
    checkArgument(
        maximum().compareTo(minimum()) >= 0,
        "phase plan maximum must not be less than its minimum (%s), but was %s",
        minimum(),
        maximum());
  }
}
