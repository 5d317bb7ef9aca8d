package org.balint.language;

/** Factories of the built-in {@link ContributionClassifier}s. */
public final class ContributionClassifiers {
  private ContributionClassifiers() {}

  /**
   * The built-in explainable classifier, loaded from its lexicon resource.
   *
   * @return the standard classifier, shared and thread-safe
   */
  public static ContributionClassifier standard() {
    return LexiconClassifier.standard();
  }

  /**
   * The fitted linear model of the kinds, loaded from its resource: weights for words and word
   * pairs fitted to the labelled sets, explainable by the words that weighed for the kind chosen.
   * It generalises to other writers' sentences better than the standard lexicon, which stays the
   * default while the fitted model is new (see docs/classifier.md).
   *
   * @return the fitted classifier, shared and thread-safe
   */
  public static ContributionClassifier fitted() {
    return LexiconClassifier.fitted();
  }
}
