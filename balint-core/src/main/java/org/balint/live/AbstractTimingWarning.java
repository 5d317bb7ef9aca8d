package org.balint.live;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.balint.session.Phase;
import org.immutables.value.Value;

/**
 * A phase, or the whole session, has run past its planned time. Each phase of each case, and the
 * session, is warned about at most once.
 */
@Value.Immutable
public abstract class AbstractTimingWarning {
  /**
   * A plain-language message, such as "The discussion of the case has run 47 minutes; 45 were
   * planned."
   *
   * @return the message
   */
  public abstract String message();

  /**
   * The index of the case whose phase overran.
   *
   * @return the case index, or empty for the session or a phase before any case
   */
  public abstract OptionalInt caseIndex();

  /**
   * The phase that overran.
   *
   * @return the phase, or empty when the whole session overran
   */
  public abstract Optional<Phase> phase();

  /**
   * The time planned at most.
   *
   * @return the planned maximum
   */
  public abstract Duration planned();

  /**
   * The time taken so far.
   *
   * @return the elapsed time, more than {@link #planned()}
   */
  public abstract Duration elapsed();
}
