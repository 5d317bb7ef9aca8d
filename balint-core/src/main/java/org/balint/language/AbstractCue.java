package org.balint.language;

import static com.google.common.base.Preconditions.checkArgument;

import org.balint.session.ContributionKind;
import org.immutables.value.Value;

/**
 * One piece of evidence a classifier found in a text: a word, phrase or pattern, where it stands,
 * and the kind it points to.
 */
@Value.Immutable
public abstract class AbstractCue {
  /**
   * The name of the lexicon entry or pattern that matched, such as {@code "hedge:i wonder"}.
   *
   * @return the cue's name
   */
  public abstract String name();

  /**
   * The kind the cue points to.
   *
   * @return the kind
   */
  public abstract ContributionKind kind();

  /**
   * Where the matched text starts in the contribution, in UTF-16 code units.
   *
   * @return the start index, inclusive
   */
  public abstract int start();

  /**
   * Where the matched text ends in the contribution, in UTF-16 code units.
   *
   * @return the end index, exclusive
   */
  public abstract int end();

  /**
   * The matched text itself.
   *
   * @return the text between {@link #start()} and {@link #end()}
   */
  public abstract String matched();

  @Value.Check
  void check() {
    checkArgument(
        start() >= 0 && end() >= start(),
        "cue span must satisfy 0 <= start <= end, but was [%s, %s)",
        start(),
        end());
  }
}
