package org.balint.live;

import org.balint.method.ValidationReport;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.immutables.value.Value;

/**
 * What a finished live session leaves: the session as recorded, its validation, and what of it may
 * be stored.
 */
@Value.Immutable
public abstract class AbstractFinishedSession {
  /**
   * The session as recorded.
   *
   * @return the session
   */
  public abstract Session session();

  /**
   * The group with this one session, as a {@code balint/1} document holds it.
   *
   * @return the group record
   */
  public abstract GroupRecord record();

  /**
   * The protocol's validation of {@link #record()}: the group's violations and the session's.
   *
   * @return the report, in document order
   */
  public abstract ValidationReport report();

  /**
   * What of the session may be stored, as the recorder's {@link KeepingPolicy} decides: without its
   * contributions if not everyone consented, with patient identifiers redacted, and with its
   * violations.
   *
   * @return the session to store
   */
  public abstract KeptSession kept();
}
