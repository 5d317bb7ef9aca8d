package org.balint.cli;

import org.balint.classifier.onnx.NeuralClassifiers;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;
import picocli.CommandLine.Option;

/** The {@code --classifier fast|neural|cascade|standard} option (a picocli mixin). */
final class ClassifierOption {
  /** The classifiers, as the option names them. */
  enum Choice {
    /** The linear model fitted to the labelled sets (the lexicon format): microseconds a text. */
    fast,
    /** The sentence encoder with its fitted head: milliseconds a text. */
    neural,
    /** The fast model when it is sure, the neural one otherwise: the default. */
    cascade,
    /** The hand-built lexicon with its decision table. */
    standard,
    /** The former name of {@link #fast}, kept so that scripts keep working. */
    fitted
  }

  @Option(
      names = "--classifier",
      defaultValue = "cascade",
      description =
          "Which classifier decides contributions without a coded kind: cascade (the default: the"
              + " fast model when it is sure, else the neural one), neural (a sentence encoder,"
              + " about 10 ms a text), fast (the fitted lexicon model, microseconds; 'fitted' is"
              + " its former name) or standard (the hand-built lexicon). See docs/classifier.md.")
  private Choice choice = Choice.cascade;

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
    switch (choice) {
      case standard:
        return ContributionClassifiers.standard();
      case fast:
      case fitted:
        return ContributionClassifiers.fitted();
      case neural:
        return NeuralClassifiers.neural();
      case cascade:
      default:
        return NeuralClassifiers.cascade();
    }
  }
}
