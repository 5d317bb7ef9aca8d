package org.balint.cli;

import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import picocli.CommandLine.Option;

/** The {@code --classifier standard|fitted} option (a picocli mixin). */
final class ClassifierOption {
  /** The built-in classifiers, as the option names them. */
  enum Choice {
    /** The hand-built lexicon with its decision table. */
    standard,
    /** The linear model fitted to the labelled sets: the default. */
    fitted
  }

  @Option(
      names = "--classifier",
      defaultValue = "fitted",
      description = {
        "Which classifier decides contributions without a coded kind: fitted (the linear model",
        "fitted to the labelled sets, the default) or standard (the hand-built lexicon, faster;",
        "see docs/classifier.md)."
      })
  private Choice choice = Choice.fitted;

  /**
   * The classifier chosen.
   *
   * @return the classifier
   */
  ContributionClassifier classifier() {
    return choice == Choice.standard
        ? ContributionClassifiers.standard()
        : ContributionClassifiers.fitted();
  }
}
