package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import org.balint.session.ContributionKind;
import org.immutables.value.Value;

/**
 * The kind a classifier gave a contribution, how sure it is, and the cues that explain it.
 *
 * <p>An immutable value: two are equal when their kinds, confidences and cue lists are equal. Build
 * one with {@code Classification.builder()}. Every cue points to the kind decided: a classification
 * never shows evidence for another kind as its explanation.
 */
@Value.Immutable
public abstract class AbstractClassification {
  /**
   * The kind decided.
   *
   * @return the kind
   */
  public abstract ContributionKind kind();

  /**
   * The cues that explain the kind, in order of position in the text, examples (empty spans) last;
   * may be empty when the kind is a default for the phase and role.
   *
   * @return the cues, each pointing to {@link #kind()}
   */
  public abstract ImmutableList<Cue> cues();

  /**
   * The classifier's probability that {@link #kind()} is right, between 0 and 1. A calibrated
   * classifier's 0.9 is right about nine times in ten on sentences like those it was fitted to;
   * {@code docs/classifier.md} says which classifiers are calibrated. A kind given without a model
   * (coded by a person, or by a test's stand-in classifier) has confidence 1.
   *
   * @return the probability of the kind
   */
  @Value.Default
  public double confidence() {
    return 1.0;
  }

  @Value.Check
  @SuppressWarnings(
      "ConstantConditions") // the project's style leaves required attributes unchecked
  void check() {
    checkState(kind() != null, "cannot build a Classification: kind is not set");
    checkArgument(
        confidence() >= 0 && confidence() <= 1,
        "confidence must be between 0 and 1, but was %s",
        confidence());
    for (Cue cue : cues()) {
      checkArgument(
          cue.kind() == kind(),
          "cue %s points to %s, not to the kind decided, %s",
          cue.name(),
          cue.kind(),
          kind());
    }
  }
}
