package org.balint.cli;

import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;

/** Which built-in classifier a command uses. */
public enum ClassifierChoice {
  /** The hand-built lexicon with its decision table: the default. */
  standard {
    @Override
    ContributionClassifier classifier() {
      return ContributionClassifiers.standard();
    }
  },
  /** The linear model fitted to the labelled sets. */
  fitted {
    @Override
    ContributionClassifier classifier() {
      return ContributionClassifiers.fitted();
    }
  };

  /** The classifier chosen. */
  abstract ContributionClassifier classifier();
}
