package org.balint.classifier.onnx;

import java.util.Optional;
import org.balint.language.Classification;
import org.balint.language.ContributionClassifier;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * The {@link NeuralClassifiers#cascade() cascade} as a service: with this module on the class path,
 * {@link org.balint.language.ContributionClassifiers#defaultClassifier()} finds it through {@link
 * java.util.ServiceLoader} and it becomes the library's default. Loads nothing until its first
 * classification. For the service loader only; call {@link NeuralClassifiers} instead.
 */
public final class CascadeService implements ContributionClassifier {
  /** Creates the service; what it uses is loaded on the first classification. */
  public CascadeService() {}

  @Override
  public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    return NeuralClassifiers.cascade().classify(text, phase, role);
  }

  @Override
  public String toString() {
    return NeuralClassifiers.cascade().toString();
  }
}
