package org.balint.cli;

import org.balint.language.ContributionClassifier;
import picocli.CommandLine.Option;

/** The {@code --classifier standard|fitted} option (a picocli mixin). */
final class ClassifierOption {
  @Option(
      names = "--classifier",
      defaultValue = "standard",
      description = {
        "Which classifier decides contributions without a coded kind: standard (the hand-built",
        "lexicon, the default) or fitted (the linear model fitted to the labelled sets; see",
        "docs/classifier.md)."
      })
  private ClassifierChoice choice = ClassifierChoice.standard;

  /**
   * The classifier chosen.
   *
   * @return the classifier
   */
  ContributionClassifier classifier() {
    return choice.classifier();
  }
}
