package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;
import org.balint.session.Phase;
import org.balint.session.SpeakerRole;

/**
 * Two classifiers in a cascade: the fast one decides when it is sure enough, the slow one
 * otherwise. Made by {@link ContributionClassifiers#cascade}.
 */
final class CascadeClassifier implements ContributionClassifier {
  private final ContributionClassifier fast;
  private final ContributionClassifier slow;
  private final double threshold;

  CascadeClassifier(ContributionClassifier fast, ContributionClassifier slow, double threshold) {
    checkArgument(
        threshold >= 0 && threshold <= 1, "threshold must be between 0 and 1, was %s", threshold);
    this.fast = checkNotNull(fast, "fast");
    this.slow = checkNotNull(slow, "slow");
    this.threshold = threshold;
  }

  @Override
  public Classification classify(String text, Optional<Phase> phase, Optional<SpeakerRole> role) {
    Classification first = fast.classify(text, phase, role);
    return first.confidence() >= threshold ? first : slow.classify(text, phase, role);
  }

  @Override
  public String toString() {
    return "cascade{" + fast + " when at least " + threshold + " sure, else " + slow + "}";
  }
}
