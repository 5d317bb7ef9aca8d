package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * A session repository that forwards every call to another one, in the manner of Guava's {@code
 * Forwarding*} classes: a decorator overrides the methods it changes.
 */
public abstract class ForwardingSessionRepository implements SessionRepository {
  /** Constructor for use by subclasses. */
  protected ForwardingSessionRepository() {}

  /**
   * The repository calls are forwarded to.
   *
   * @return the delegate
   */
  protected abstract SessionRepository delegate();

  @Override
  public Optional<Versioned<Session>> find(String groupId, String sessionId) {
    return delegate().find(groupId, sessionId);
  }

  @Override
  public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
    return delegate().sessions(groupId, from, to, page);
  }

  @Override
  public ImmutableList<Attendance> attendance(String groupId, String personId) {
    return delegate().attendance(groupId, personId);
  }

  @Override
  public long store(String groupId, Session session, List<Violation> violations) {
    return delegate().store(groupId, session, violations);
  }

  @Override
  public long replace(
      String groupId, Session session, List<Violation> violations, long expectedVersion) {
    return delegate().replace(groupId, session, violations, expectedVersion);
  }

  @Override
  public int append(String groupId, String sessionId, Contribution contribution) {
    return delegate().append(groupId, sessionId, contribution);
  }

  @Override
  public Page<SessionKey> withViolation(String ruleId, PageRequest page) {
    return delegate().withViolation(ruleId, page);
  }
}
