package org.balint.store;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.session.GroupRecord;

/**
 * Stores whole group records, as one {@code balint/1} document holds them: a group with its roster
 * and its sessions, together with the method's violations found in them.
 *
 * <p>A record is stored whole or not at all. Storing a record of a group that is already stored
 * replaces it: the same ids update, never duplicate, and what the new record does not hold is gone.
 * Reading it back gives a record equal to the one stored. Every write raises the group's version;
 * {@link #replace} checks it first.
 */
public interface GroupRepository {
  /**
   * Stores a record, replacing whatever is stored for its group (an import).
   *
   * @param record the group with its sessions
   * @param violations the violations found in the record; each names the record's group and, where
   *     it has one, one of the record's sessions
   * @return the group's new version
   * @throws IllegalArgumentException if a violation names another group or a session not in the
   *     record, or a contribution index outside its session
   * @throws StorageException if the store fails; then nothing of the record is stored
   */
  long store(GroupRecord record, List<Violation> violations);

  /**
   * Stores a record without violations, replacing whatever is stored for its group.
   *
   * @param record the group with its sessions
   * @return the group's new version
   * @throws StorageException if the store fails; then nothing of the record is stored
   */
  default long store(GroupRecord record) {
    return store(record, ImmutableList.of());
  }

  /**
   * Replaces a record only if the stored group still has the version the caller read.
   *
   * @param record the group with its sessions
   * @param violations the violations found in the record, as for {@link #store(GroupRecord,
   *     List)}
   * @param expectedVersion the version read, or {@link Versioned#ABSENT} to create a group that
   *     must not be stored yet
   * @return the group's new version
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   * @throws IllegalArgumentException if a violation does not belong to the record
   * @throws StorageException if the store fails; then nothing of the record is stored
   */
  long replace(GroupRecord record, List<Violation> violations, long expectedVersion);

  /**
   * Finds a group with its roster, without its sessions.
   *
   * @param groupId the group's id
   * @return the group and its version, or empty if it is not stored
   * @throws StorageException if the store fails
   */
  Optional<Versioned<Group>> findGroup(String groupId);

  /**
   * Reads back a whole record (for export): equal to what was stored, with the sessions in order.
   *
   * @param groupId the group's id
   * @return the record and its group's version, or empty if it is not stored
   * @throws StorageException if the store fails
   */
  Optional<Versioned<GroupRecord>> findRecord(String groupId);

  /**
   * The violations stored with a group's record and its sessions.
   *
   * @param groupId the group's id
   * @return the violations: those stored with the record, in their order, then those stored with
   *     sessions later; empty if the group is not stored
   * @throws StorageException if the store fails
   */
  ImmutableList<Violation> violations(String groupId);

  /**
   * The ids of every stored group.
   *
   * @return the group ids, in ascending order
   * @throws StorageException if the store fails
   */
  ImmutableList<String> groupIds();

  /**
   * Removes a group with its sessions and violations.
   *
   * @param groupId the group's id
   * @return true if it was stored
   * @throws StorageException if the store fails; then nothing is removed
   */
  boolean delete(String groupId);
}
