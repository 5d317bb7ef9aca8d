package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.Session;

/**
 * Reads and writes single sessions of stored groups: a session stored or replaced on its own,
 * contributions appended as they are made, a group's sessions by time, a person's attendance, and
 * the sessions that broke a rule.
 *
 * <p>Each session has its own version, raised by every write to it; every write to a session also
 * raises its group's version. Writers appending to the same session at once lose no contribution
 * and duplicate none. Every write refuses confidential material as {@link GroupRepository} says.
 */
public interface SessionRepository {
  /**
   * Finds one session.
   *
   * @param groupId the group's id
   * @param sessionId the session's id
   * @return the session and its version, or empty if it is not stored
   * @throws StorageException if the store fails
   */
  Optional<Versioned<Session>> find(String groupId, String sessionId);

  /**
   * A page of a group's sessions that started in a time range, earliest first (ties by id).
   *
   * @param groupId the group's id
   * @param from the earliest start, inclusive
   * @param to the latest start, exclusive
   * @param page which page to read
   * @return the page; empty if the group is not stored
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws StorageException if the store fails
   */
  Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page);

  /**
   * A person's attendance ledger in a group: every session of the group, earliest first, with
   * whether the person was present and how many cases they presented.
   *
   * @param groupId the group's id
   * @param personId the id of a leader or member
   * @return one line per session of the group; empty if the group is not stored
   * @throws StorageException if the store fails
   */
  ImmutableList<Attendance> attendance(String groupId, String personId);

  /**
   * Stores a session of a stored group, adding it after the group's other sessions or replacing the
   * session with the same id in its place, together with its violations (which replace the ones
   * stored for it before).
   *
   * @param groupId the group's id
   * @param session the session
   * @param violations the violations found in the session; each names the group and the session
   * @return the session's new version
   * @throws NotStoredException if the group is not stored
   * @throws IllegalArgumentException if a violation names another group or session, or a
   *     contribution index outside the session
   * @throws ConsentMissingException if the session has contributions without the recorded consent
   *     of everyone present and every speaker
   * @throws PatientIdentifierException if a case title or contribution holds a patient identifier
   * @throws StorageException if the store fails; then nothing of the session is stored
   */
  long store(String groupId, Session session, List<Violation> violations);

  /**
   * Stores a session only if the stored session still has the version the caller read.
   *
   * @param groupId the group's id
   * @param session the session
   * @param violations the violations found in the session, as for {@link #store(String, Session,
   *     List)}
   * @param expectedVersion the version read, or {@link Versioned#ABSENT} to add a session that must
   *     not be stored yet
   * @return the session's new version
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   * @throws NotStoredException if the group is not stored
   * @throws ConfidentialityException if the session may not be kept, as for {@link #store(String,
   *     Session, List)}
   * @throws StorageException if the store fails; then nothing of the session is stored
   */
  long replace(String groupId, Session session, List<Violation> violations, long expectedVersion);

  /**
   * Appends a contribution to a stored session, after the last one.
   *
   * @param groupId the group's id
   * @param sessionId the session's id
   * @param contribution what was said
   * @return the contribution's 0-based index in the session's contributions
   * @throws NotStoredException if the session is not stored
   * @throws IllegalArgumentException if the session with the contribution would break a session's
   *     invariants (an {@code at} before the last one, a case index with no case)
   * @throws ConsentMissingException if the session has no recording that everyone present and every
   *     speaker consented to
   * @throws PatientIdentifierException if the contribution holds a patient identifier
   * @throws StorageException if the store fails; then nothing is appended
   */
  int append(String groupId, String sessionId, Contribution contribution);

  /**
   * A page of the sessions that a violation of a rule was stored with, by group id and then start.
   *
   * @param ruleId the rule's id, such as {@code presenter.silence}
   * @param page which page to read
   * @return the page of sessions, each once
   * @throws StorageException if the store fails
   */
  Page<SessionKey> withViolation(String ruleId, PageRequest page);
}
