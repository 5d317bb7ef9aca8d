package org.balint.live;

import com.google.common.collect.ImmutableList;
import org.balint.method.Violation;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * What may be stored of a finished session, as a {@link KeepingPolicy} decides: the session itself
 * (without its contributions when not everyone consented, with patient identifiers redacted), its
 * violations, and what was changed and why, in words a facilitator reads.
 */
@Value.Immutable
public abstract class AbstractKeptSession {
  /**
   * The session as it may be stored.
   *
   * @return the session
   */
  public abstract Session session();

  /**
   * The violations of the stored session (not the group's), in document order, as {@code
   * SessionRepository.store} takes them.
   *
   * @return the violations
   */
  public abstract ImmutableList<Violation> violations();

  /**
   * What was left out or changed, and why: one plain sentence each.
   *
   * @return the notices, empty when the session is kept as recorded
   */
  public abstract ImmutableList<String> notices();

  /**
   * How many contributions were recorded but are not kept, for want of consent.
   *
   * @return the number left out
   */
  public abstract int contributionsLeftOut();

  /**
   * Whether patient identifiers were found in a case title or a contribution and replaced by
   * placeholders.
   *
   * @return whether anything was redacted
   */
  public abstract boolean redacted();
}
