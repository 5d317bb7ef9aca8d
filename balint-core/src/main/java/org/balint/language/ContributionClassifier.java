package org.balint.language;

import java.util.Optional;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * Decides what kind of contribution a text is, and says why.
 *
 * <p>Implementations are pure functions of their input, safe to share between threads, and never
 * reach outside the process (no network, no model download).
 */
public interface ContributionClassifier {
  /**
   * Classifies a contribution.
   *
   * @param text what was said
   * @param phase the phase it was said in, if known
   * @param role the speaker's role in the case, if known
   * @return the kind and the cues that decided it
   */
  Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role);

  /**
   * Classifies a contribution whose phase and speaker are unknown.
   *
   * @param text what was said
   * @return the kind and the cues that decided it
   */
  default Classification classify(String text) {
    return classify(text, Optional.empty(), Optional.empty());
  }
}
