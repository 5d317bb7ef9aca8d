package org.balint.language;

import com.google.common.base.Suppliers;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/** Factories of the built-in {@link ContributionClassifier}s. */
public final class ContributionClassifiers {
  private ContributionClassifiers() {}

  private static final Supplier<ContributionClassifier> DEFAULT =
      Suppliers.memoize(
          () ->
              ServiceLoader.load(ContributionClassifier.class)
                  .findFirst()
                  .orElseGet(ContributionClassifiers::fitted));

  /**
   * The classifier the library uses where none is given: in validation ({@code
   * Protocol.validate(GroupRecord)}), in the live session recorder, and in the command line unless
   * {@code --classifier} says otherwise. A platform chooses it by dependency: it is the first
   * {@link ContributionClassifier} registered as a {@link ServiceLoader} service on the class path
   * (the module {@code balint-classifier-onnx} registers its cascade of the fitted model and the
   * neural classifier), else the {@linkplain #fitted() fitted model}. docs/classifier.md gives the
   * figures of each.
   *
   * @return the default classifier, shared and thread-safe
   */
  public static ContributionClassifier defaultClassifier() {
    return DEFAULT.get();
  }

  /**
   * The hand-built explainable classifier, loaded from the standard lexicon resource: phrases
   * chosen and weighed by hand, with a decision table. Its cues name the phrase families that
   * decided ("clinical.investigation:thyroid"); it is about twice as fast as the fitted model, and
   * less accurate on other writers' sentences.
   *
   * @return the standard classifier, shared and thread-safe
   */
  public static ContributionClassifier standard() {
    return LexiconClassifier.standard();
  }

  /**
   * The fitted linear model of the kinds, loaded from its resource: weights fitted to the labelled
   * sets for words, word pairs, the first word, the phase, the role and the standard lexicon's
   * phrase families, explainable by the phrases that weighed for the kind chosen. It generalises to
   * other writers' sentences better than the standard lexicon, and is the {@linkplain
   * #defaultClassifier() default}.
   *
   * @return the fitted classifier, shared and thread-safe
   */
  public static ContributionClassifier fitted() {
    return LexiconClassifier.fitted();
  }

  /**
   * A cascade: the fast classifier decides when its {@linkplain Classification#confidence()
   * confidence} reaches the threshold, the slow one otherwise. With the fitted model first and a
   * more accurate but slower classifier second, most contributions cost the fast model's time and
   * the doubtful ones get the better answer (docs/classifier.md gives the measured share, accuracy
   * and time of each setting).
   *
   * @param fast the classifier asked first
   * @param slow the classifier asked when the first is less sure than the threshold
   * @param threshold the confidence from which the fast classifier's answer stands, 0 to 1
   * @return the cascade, thread-safe if both classifiers are
   * @throws IllegalArgumentException if the threshold is outside 0 to 1
   */
  public static ContributionClassifier cascade(
      ContributionClassifier fast, ContributionClassifier slow, double threshold) {
    return new CascadeClassifier(fast, slow, threshold);
  }
}
