package org.balint.language;

import java.util.Optional;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;
import org.immutables.value.Value;

/**
 * A contribution's text with the kind a human coder gave it: one example for measuring a
 * classifier, as in the development corpus ({@code text}, {@code phase}, {@code role}, {@code
 * kind}).
 */
@Value.Immutable
public abstract class AbstractLabelledContribution {
  /**
   * What was said.
   *
   * @return the text
   */
  public abstract String text();

  /**
   * The phase it was said in, if known.
   *
   * @return the phase
   */
  public abstract Optional<Phase> phase();

  /**
   * The speaker's role in the case, if known.
   *
   * @return the role
   */
  public abstract Optional<SpeakerRole> role();

  /**
   * The kind the coder gave it.
   *
   * @return the coded kind
   */
  public abstract ContributionKind kind();
}
