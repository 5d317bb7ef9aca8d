package org.balint.cli;

import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import picocli.CommandLine.Option;

/** The {@code --classifier standard|fitted} option (a picocli mixin). */
final class ClassifierOption {
  /** The built-in classifiers, as the option names them. */
  enum Choice {
    /** The hand-built lexicon with its decision table: the default. */
    standard,
    /** The linear model fitted to the labelled sets. */
    fitted
  }

  @Option(
      names = "--classifier",
      defaultValue = "standard",
      description = {
        "Which classifier decides contributions without a coded kind: standard (the hand-built",
        "lexicon, the default) or fitted (the linear model fitted to the labelled sets; see",
        "docs/classifier.md)."
      })
  private Choice choice = Choice.standard;

  /**
   * The classifier chosen.
   *
   * @return the classifier
   */
  ContributionClassifier classifier() {
    return choice == Choice.fitted
        ? ContributionClassifiers.fitted()
        : ContributionClassifiers.standard();
  }
}
