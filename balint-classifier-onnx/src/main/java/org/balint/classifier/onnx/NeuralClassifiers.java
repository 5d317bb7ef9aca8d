package org.balint.classifier.onnx;

import com.google.common.base.Suppliers;
import java.util.function.Supplier;
import org.balint.language.ContributionClassifier;
import org.balint.language.ContributionClassifiers;

/** Factories of the classifiers this module adds: the neural one and the cascade. */
public final class NeuralClassifiers {
  /**
   * The fitted model's confidence from which the cascade takes its answer without asking the neural
   * classifier (docs/classifier.md gives the share that goes to the encoder, and the accuracy and
   * time, at several thresholds).
   */
  public static final double CASCADE_THRESHOLD = 0.9;

  private static final Supplier<ContributionClassifier> CASCADE =
      Suppliers.memoize(
          () ->
              ContributionClassifiers.cascade(
                  ContributionClassifiers.fitted(), OnnxClassifier.shared(), CASCADE_THRESHOLD));

  private NeuralClassifiers() {}

  /**
   * The neural classifier: the sentence encoder and the fitted head for every contribution.
   *
   * @return the shared classifier; its encoder loads on the first classification
   */
  public static ContributionClassifier neural() {
    return OnnxClassifier.shared();
  }

  /**
   * The cascade: the fitted lexicon model when it is at least {@value #CASCADE_THRESHOLD} sure, the
   * neural classifier otherwise. The encoder loads only when a contribution first needs it.
   *
   * @return the shared cascade
   */
  public static ContributionClassifier cascade() {
    return CASCADE.get();
  }
}
