package org.balint.privacy;

import static com.google.common.base.Preconditions.checkArgument;

import org.immutables.value.Value;

/**
 * A patient identifier found in a text: its type and its span.
 *
 * <p>Spans count UTF-16 code units, as {@link String} does, and cover the identifier itself: a
 * name's span includes its title; the words that introduce a date of birth or a record number do
 * not.
 */
@Value.Immutable
public abstract class AbstractIdentifier {
  /**
   * The identifier's type.
   *
   * @return the type
   */
  public abstract IdentifierType type();

  /**
   * Where the identifier starts.
   *
   * @return the start index, inclusive
   */
  public abstract int start();

  /**
   * Where the identifier ends.
   *
   * @return the end index, exclusive
   */
  public abstract int end();

  /**
   * The identifier as it stands in the text.
   *
   * @return the text between {@link #start()} and {@link #end()}
   */
  public abstract String text();

  @Value.Check
  void check() {
    checkArgument(
        start() >= 0 && end() > start(),
        "identifier span must satisfy 0 <= start < end, but was [%s, %s)",
        start(),
        end());
  }
}
