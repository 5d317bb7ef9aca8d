package org.balint.session;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Optional;

/**
 * The phases of one case in a Balint session, in the order they happen.
 *
 * <p>{@link #OPENING} and {@link #CLOSING} may be absent; the others follow one another and never
 * go back.
 */
public enum Phase {
  /** The leader asks who has a case. */
  OPENING("the opening", "opening"),
  /** A member presents a patient from memory, without notes. */
  PRESENTATION("the presentation", "presentation"),
  /** Brief factual questions to the presenter. */
  QUESTIONS("the questions", "questions"),
  /**
   * The presenter pushes back and sits silent while the group imagines the patient, the doctor and
   * their relationship.
   */
  DISCUSSION("the discussion", "discussion"),
  /** The presenter is invited back to say what struck them. */
  PRESENTER_RETURNS("the presenter's return", "returns"),
  /** The leader closes the case. */
  CLOSING("the closing", "closing");

  private final String words;
  private final String shortName;

  Phase(String words, String shortName) {
    this.words = words;
    this.shortName = shortName;
  }

  /**
   * How a facilitator names the phase in a sentence.
   *
   * @return the phase in words, such as {@code the discussion} or {@code the presenter's return}
   */
  public String words() {
    return words;
  }

  /**
   * The one word a facilitator types for the phase.
   *
   * @return {@code opening}, {@code presentation}, {@code questions}, {@code discussion}, {@code
   *     returns} or {@code closing}
   */
  public String shortName() {
    return shortName;
  }

  /**
   * Finds a phase by its {@linkplain #shortName() short name} or its constant's name, in any case.
   *
   * @param name such as {@code returns}, {@code PRESENTER_RETURNS} or {@code Discussion}
   * @return the phase, or empty if no phase has that name
   */
  public static Optional<Phase> named(String name) {
    String wanted = checkNotNull(name, "name").toLowerCase(Locale.ROOT);
    for (Phase phase : values()) {
      if (phase.shortName.equals(wanted) || phase.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(phase);
      }
    }
    return Optional.empty();
  }

  /**
   * Tells whether this phase comes after the presentation: questions, discussion, the presenter's
   * return and the closing.
   *
   * @return true for {@link #QUESTIONS}, {@link #DISCUSSION}, {@link #PRESENTER_RETURNS} and {@link
   *     #CLOSING}
   */
  public boolean isAfterPresentation() {
    return compareTo(PRESENTATION) > 0;
  }
}
