package org.balint.language;

import org.balint.session.ContributionKind;
import org.immutables.value.Value;

/**
 * One contribution as two coders (or a coder and a classifier) coded it, with an id to find it by.
 */
@Value.Immutable
public abstract class AbstractCodedPair {
  /**
   * What identifies the contribution in the sources compared: an input line's {@code id}, or a
   * session id and contribution index.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The kind the first coder gave.
   *
   * @return the first kind
   */
  public abstract ContributionKind first();

  /**
   * The kind the second coder (or the classifier) gave.
   *
   * @return the second kind
   */
  public abstract ContributionKind second();

  /**
   * Whether the two kinds are the same.
   *
   * @return true when they agree
   */
  public boolean agrees() {
    return first() == second();
  }
}
