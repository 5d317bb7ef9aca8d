package org.balint.session;

/**
 * The phases of one case in a Balint session, in the order they happen.
 *
 * <p>{@link #OPENING} and {@link #CLOSING} may be absent; the others follow one another and never
 * go back.
 */
public enum Phase {
  /** The leader asks who has a case. */
  OPENING,
  /** A member presents a patient from memory, without notes. */
  PRESENTATION,
  /** Brief factual questions to the presenter. */
  QUESTIONS,
  /**
   * The presenter pushes back and sits silent while the group imagines the patient, the doctor and
   * their relationship.
   */
  DISCUSSION,
  /** The presenter is invited back to say what struck them. */
  PRESENTER_RETURNS,
  /** The leader closes the case. */
  CLOSING;

  /**
   * Tells whether this phase comes after the presentation: questions, discussion, the presenter's
   * return and the closing.
   *
   * @return true for {@link #QUESTIONS}, {@link #DISCUSSION}, {@link #PRESENTER_RETURNS} and
   *     {@link #CLOSING}
   */
  public boolean isAfterPresentation() {
    return compareTo(PRESENTATION) > 0;
  }
}
