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
}
