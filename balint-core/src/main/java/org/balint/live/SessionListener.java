package org.balint.live;

import org.balint.method.Violation;
import org.balint.session.Phase;

/**
 * Hears what a {@link SessionRecorder} notices, as it happens. Every method does nothing by
 * default, so a listener implements only what it needs. Callbacks run on the thread that drives the
 * recorder, before the recorder's method returns.
 */
public interface SessionListener {
  /**
   * A breach of the method: a group rule's at the start, a contribution's as it is made, a
   * session-level one when the session finishes.
   *
   * @param violation the breach
   */
  default void onViolation(Violation violation) {}

  /**
   * Something the facilitator might say, at a phase change or after a breach.
   *
   * @param prompt the prompt
   */
  default void onPrompt(Prompt prompt) {}

  /**
   * Something the people in the room should know, in one plain sentence: at the start, what will be
   * kept given the recording and consent so far.
   *
   * @param notice the sentence
   */
  default void onNotice(String notice) {}

  /**
   * A phase or the session has run past its planned time.
   *
   * @param warning the warning
   */
  default void onTimingWarning(TimingWarning warning) {}

  /**
   * A case has entered a phase (the opening at the start; the presentation when a case is
   * presented; any later phase on request).
   *
   * @param caseIndex the case's index, or -1 for the opening before any case is presented
   * @param phase the phase entered
   */
  default void onPhaseEntered(int caseIndex, Phase phase) {}
}
