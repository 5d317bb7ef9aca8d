package org.balint.privacy;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import org.immutables.value.Value;

/**
 * The result of redacting one text: the redacted text and the identifiers that were replaced.
 *
 * <p>The identifiers' spans index the {@link #original()} text, not the redacted one, so that a
 * caller can show where each identifier was.
 */
@Value.Immutable
public abstract class AbstractRedaction {
  /**
   * The text as it was given.
   *
   * @return the original text
   */
  public abstract String original();

  /**
   * The text with each identifier replaced by its type's placeholder.
   *
   * @return the redacted text
   */
  public abstract String text();

  /**
   * The identifiers replaced, in order of position, with spans into {@link #original()}.
   *
   * @return the identifiers
   */
  public abstract ImmutableList<Identifier> identifiers();

  /**
   * Tells whether nothing had to be redacted.
   *
   * @return whether no identifier was found
   */
  public boolean isClean() {
    return identifiers().isEmpty();
  }

  @Value.Check
  void check() {
    int previousEnd = 0;
    for (Identifier identifier : identifiers()) {
      checkArgument(
          identifier.start() >= previousEnd && identifier.end() <= original().length(),
          "redaction.identifiers must be ordered, disjoint spans of the original text, but had %s",
          identifier);
      previousEnd = identifier.end();
    }
  }
}
