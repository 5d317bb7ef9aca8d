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
      description =
          "Which classifier decides contributions without a coded kind: fitted (the linear model"
              + " fitted to the labelled sets, the default) or standard (the hand-built lexicon, faster;"
              + " see docs/classifier.md).")
  private Choice choice = Choice.fitted;

  /**
   * The classifier chosen, loaded on its first classification: a command whose contributions are
   * all coded never pays for loading a model.
   *
   * @return the classifier
   */
  ContributionClassifier classifier() {
    Choice chosen = choice;
    return (text, phase, role) -> loaded(chosen).classify(text, phase, role);
  }

  private static ContributionClassifier loaded(Choice choice) {
    return choice == Choice.standard
        ? ContributionClassifiers.standard()
        : ContributionClassifiers.fitted();
  }
}
