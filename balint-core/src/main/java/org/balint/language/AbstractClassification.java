package org.balint.language;

import com.google.common.collect.ImmutableList;
import org.balint.session.ContributionKind;
import org.immutables.value.Value;

/** The kind a classifier gave a contribution, with the cues that decided it. */
@Value.Immutable
public abstract class AbstractClassification {
  /**
   * The kind decided.
   *
   * @return the kind
   */
  public abstract ContributionKind kind();

  /**
   * The cues that decided the kind, in order of position in the text; may be empty when the kind
   * is a default for the phase and role.
   *
   * @return the cues
   */
  public abstract ImmutableList<Cue> cues();
}
