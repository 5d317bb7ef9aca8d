package org.balint.language;

/** Factories of the built-in {@link ContributionClassifier}s. */
public final class ContributionClassifiers {
  private ContributionClassifiers() {}

  /**
   * The classifier the library uses where none is given: in validation ({@code
   * Protocol.validate(GroupRecord)}), in the live session recorder, and in the command line
   * unless {@code --classifier} says otherwise. It is the {@linkplain #fitted() fitted model},
   * which agrees with the coders on sentences by writers it never saw more often than the {@linkplain
   * #standard() standard lexicon} does (docs/classifier.md gives the figures).
   *
   * @return the default classifier, shared and thread-safe
   */
  public static ContributionClassifier defaultClassifier() {
    return fitted();
  }

  /**
   * The hand-built explainable classifier, loaded from the standard lexicon resource: phrases
   * chosen and weighed by hand, with a decision table. Its cues name the phrase families that
   * decided ("clinical.investigation:thyroid"); it is about twice as fast as the fitted model,
   * and less accurate on other writers' sentences.
   *
   * @return the standard classifier, shared and thread-safe
   */
  public static ContributionClassifier standard() {
    return LexiconClassifier.standard();
  }

  /**
   * The fitted linear model of the kinds, loaded from its resource: weights fitted to the
   * labelled sets for words, word pairs, the first word, the phase, the role and the standard
   * lexicon's phrase families, explainable by the phrases that weighed for the kind chosen. It
   * generalises to other writers' sentences better than the standard lexicon, and is the
   * {@linkplain #defaultClassifier() default}.
   *
   * @return the fitted classifier, shared and thread-safe
   */
  public static ContributionClassifier fitted() {
    return LexiconClassifier.fitted();
  }
}
