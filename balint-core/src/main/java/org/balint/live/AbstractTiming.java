package org.balint.live;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.method.PhasePlan;
import org.balint.session.Phase;
import org.immutables.value.Value;

/**
 * Where a live session stands in time: elapsed and remaining time for the session and for the
 * current phase. Remaining times are negative once the plan is overrun.
 */
@Value.Immutable
public abstract class AbstractTiming {
  /**
   * Time since the session started.
   *
   * @return the elapsed time
   */
  public abstract Duration sessionElapsed();

  /**
   * The session's planned length (the protocol's nominal length).
   *
   * @return the planned length
   */
  public abstract Duration sessionPlanned();

  /**
   * The planned length less the elapsed time.
   *
   * @return the remaining time, negative once overrun
   */
  public Duration sessionRemaining() {
    return sessionPlanned().minus(sessionElapsed());
  }

  /**
   * The index of the current case.
   *
   * @return the case index, or empty before a case is presented
   */
  public abstract OptionalInt caseIndex();

  /**
   * The current phase.
   *
   * @return the phase
   */
  public abstract Phase phase();

  /**
   * Time since the current phase began.
   *
   * @return the elapsed time in the phase
   */
  public abstract Duration phaseElapsed();

  /**
   * The current phase's planned length, if the protocol plans one.
   *
   * @return the plan, or empty
   */
  public abstract Optional<PhasePlan> phasePlan();

  /**
   * The phase's planned maximum less the time elapsed in it.
   *
   * @return the remaining time, negative once overrun; empty when the phase has no plan
   */
  public Optional<Duration> phaseRemaining() {
    return phasePlan().map(plan -> plan.maximum().minus(phaseElapsed()));
  }
}
