package org.balint.language;

import org.immutables.value.Value;

/** A labelled example together with what a classifier made of it. */
@Value.Immutable
public abstract class AbstractClassifiedExample {
  /**
   * The example, with its coded kind.
   *
   * @return the labelled contribution
   */
  public abstract LabelledContribution example();

  /**
   * What the classifier gave it.
   *
   * @return the classification
   */
  public abstract Classification classification();

  /**
   * Whether the classifier agreed with the coder.
   *
   * @return {@code true} if the given kind is the coded kind
   */
  public boolean isCorrect() {
    return example().kind() == classification().kind();
  }
}
