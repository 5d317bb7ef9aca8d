package org.balint.session;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.balint.Extensions;
import org.balint.group.Group;
import org.immutables.value.Value;

/**
 * A group with its sessions: what one {@code balint/1} document holds.
 *
 * <p>Session ids are unique within the record.
 */
@Value.Immutable
public abstract class AbstractGroupRecord {
  /**
   * The group.
   *
   * @return the group
   */
  public abstract Group group();

  /**
   * The group's sessions, in the order given.
   *
   * @return the sessions
   */
  public abstract ImmutableList<Session> sessions();

  /**
   * Extension data of the whole document, kept as is.
   *
   * @return the extensions, if any
   */
  public abstract Optional<Extensions> extensions();

  /**
   * Finds a session by id.
   *
   * @param id the session's id
   * @return the session, or empty
   */
  public Optional<Session> session(String id) {
    checkNotNull(id, "id must not be null");
    return sessions().stream().filter(session -> session.id().equals(id)).findFirst();
  }

  @Value.Check
  void check() {
    Set<String> seen = new HashSet<>();
    for (Session session : sessions()) {
      checkArgument(
          seen.add(session.id()),
          "sessions must not repeat an id, but \"%s\" appears twice",
          session.id());
    }
  }
}
