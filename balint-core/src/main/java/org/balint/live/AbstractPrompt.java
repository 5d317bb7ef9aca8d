package org.balint.live;

import java.util.Optional;
import org.balint.session.Phase;
import org.immutables.value.Value;

/**
 * Something a facilitator might say, drawn from the method: on entering a phase, or when a rule is
 * breached. Exactly one of {@link #phase()} and {@link #ruleId()} says what prompted it.
 */
@Value.Immutable
public abstract class AbstractPrompt {
  /**
   * What the facilitator might say.
   *
   * @return one or two plain sentences
   */
  public abstract String text();

  /**
   * The phase just entered, for a prompt at a phase change.
   *
   * @return the phase, or empty for a prompt about a breach
   */
  public abstract Optional<Phase> phase();

  /**
   * The rule just breached, for a prompt about a breach.
   *
   * @return the rule's id, or empty for a prompt at a phase change
   */
  public abstract Optional<String> ruleId();
}
