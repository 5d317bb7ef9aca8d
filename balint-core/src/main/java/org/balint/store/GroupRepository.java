package org.balint.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.GroupRecord;

/**
 * Stores whole group records, as one {@code balint/1} document holds them: a group with its roster
 * and its sessions, together with the method's violations found in them.
 *
 * <p>A record is stored whole or not at all. Storing a record of a group that is already stored
 * replaces it: the same ids update, never duplicate, and what the new record does not hold is gone.
 * Reading it back gives a record equal to the one stored. Every write raises the group's version;
 * {@link #replace} checks it first.
 *
 * <p>{@link #merge} is the other write: it adds the people and sessions of a document to what is
 * stored, keeping the stored people and sessions the document does not mention.
 *
 * <p>Confidentiality is enforced for every write of the stores callers get ({@link InMemoryStore},
 * the JDBC store, and any store wrapped in a {@link ConfidentialStore}): a session's contributions
 * are kept only with the recorded consent of everyone present and everyone who speaks, and no case
 * title, contribution, violation message or extension may hold a patient identifier (roster names
 * are not scanned); otherwise the write throws a {@link ConfidentialityException} and stores
 * nothing. Each group may have a {@link RetentionPolicy}, kept with the group across re-imports,
 * which {@link #purge(Instant)} applies and which a write applies to what it stores.
 */
public interface GroupRepository {
  /**
   * How often {@link #merge} and {@link #purge(Instant)} (per group) try before they give up to
   * writers that keep coming in between.
   */
  int MERGE_ATTEMPTS = 16;

  /**
   * Stores a record, replacing whatever is stored for its group (an import).
   *
   * @param record the group with its sessions
   * @param violations the violations found in the record; each names the record's group and, where
   *     it has one, one of the record's sessions
   * @return the group's new version
   * @throws IllegalArgumentException if a violation names another group or a session not in the
   *     record, or a contribution index outside its session
   * @throws ConsentMissingException if a session has contributions without the recorded consent of
   *     everyone present and every speaker; then nothing of the record is stored
   * @throws PatientIdentifierException if a case title or contribution holds a patient identifier;
   *     then nothing of the record is stored
   * @throws StorageException if the store fails; then nothing of the record is stored
   */
  long store(GroupRecord record, List<Violation> violations);

  /**
   * Stores a record without violations, replacing whatever is stored for its group.
   *
   * @param record the group with its sessions
   * @return the group's new version
   * @throws ConfidentialityException if a session may not be kept, as for {@link
   *     #store(GroupRecord, List)}; then nothing of the record is stored
   * @throws StorageException if the store fails; then nothing of the record is stored
   */
  default long store(GroupRecord record) {
    return store(record, ImmutableList.of());
  }

  /**
   * Replaces a record only if the stored group still has the version the caller read.
   *
   * @param record the group with its sessions
   * @param violations the violations found in the record, as for {@link #store(GroupRecord, List)}
   * @param expectedVersion the version read, or {@link Versioned#ABSENT} to create a group that
   *     must not be stored yet
   * @return the group's new version
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   * @throws IllegalArgumentException if a violation does not belong to the record
   * @throws ConfidentialityException if a session may not be kept, as for {@link
   *     #store(GroupRecord, List)}; then nothing of the record is stored
   * @throws StorageException if the store fails; then nothing of the record is stored
   */
  long replace(GroupRecord record, List<Violation> violations, long expectedVersion);

  /**
   * Merges a document into what is stored of its group, atomically: the document's people are added
   * or updated and the stored people it does not mention stay; its sessions are stored whole (one
   * with a stored id replaces that session) and the stored sessions it does not mention stay, with
   * their attendance. Nothing is deleted. A group not stored yet is stored as the document.
   *
   * <p>The violations stored with the merged record are those {@code validation} finds in it (group
   * rules see the merged roster). The default implementation reads the stored record, merges, and
   * {@link #replace replaces} it if no other write came in between, trying again otherwise; {@code
   * validation} may then be called more than once.
   *
   * @param document the group with the sessions to add or replace
   * @param validation the violations found in a merged record; each names the record's group and,
   *     where it has one, one of the record's sessions
   * @return what the merge did, with the group's new version
   * @throws IllegalArgumentException if a violation does not belong to the merged record
   * @throws ConfidentialityException if a session of the document may not be kept, as for {@link
   *     #store(GroupRecord, List)}; then nothing is stored
   * @throws VersionConflictException if other writes to the group kept coming in between
   * @throws StorageException if the store fails; then nothing is stored
   */
  default Versioned<RecordMerge> merge(
      GroupRecord document, Function<? super GroupRecord, ? extends List<Violation>> validation) {
    checkNotNull(document, "document must not be null");
    checkNotNull(validation, "validation must not be null");
    return RetentionRun.untilNoConflict(
        () -> {
          Optional<Versioned<GroupRecord>> stored = findRecord(document.group().id());
          RecordMerge merge = RecordMerge.of(stored.map(Versioned::value), document);
          List<Violation> violations = validation.apply(merge.merged());
          long version =
              replace(
                  merge.merged(),
                  checkNotNull(violations, "validation must not return null"),
                  stored.map(Versioned::version).orElse(Versioned.ABSENT));
          return Versioned.of(merge, version);
        });
  }

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

  /**
   * The retention policy of a stored group.
   *
   * @param groupId the group's id
   * @return the policy ({@link RetentionPolicy#keepEverything()} if none was set), or empty if the
   *     group is not stored
   * @throws StorageException if the store fails
   */
  Optional<RetentionPolicy> retention(String groupId);

  /**
   * Sets the retention policy of a stored group; it stays with the group when its record is stored
   * again, and goes when the group is deleted. Setting a policy does not change the record or its
   * version: the policy is applied by {@link #purge(Instant)}.
   *
   * @param groupId the group's id
   * @param policy the policy
   * @throws NotStoredException if the group is not stored
   * @throws StorageException if the store fails; then the old policy stays
   */
  void setRetention(String groupId, RetentionPolicy policy);

  /**
   * What {@link #purge(Instant)} would delete at a given time, without deleting anything (a dry
   * run).
   *
   * <p>The default implementation reads each group's policy and record and asks the policy; a store
   * need not override it.
   *
   * @param now the time at which the policies are applied
   * @return one entry per group that would lose something, by group id
   * @throws StorageException if the store fails
   */
  default ImmutableList<GroupPurge> duePurges(Instant now) {
    return RetentionRun.run(this, now, false);
  }

  /**
   * Applies every group's retention policy at a given time: deletes the contributions, and the case
   * titles where the policy says so, of the sessions whose time is up. Attendance, presenters,
   * session times and consent are kept. Each group is purged in one transaction that raises its
   * version and the versions of the sessions that changed; violations about a deleted contribution
   * stay with their session without a contribution index.
   *
   * <p>The default implementation works out each group's purge from its stored record and writes it
   * with {@link #storePurge}, reading again and retrying when another write came in between; a
   * store need not override it.
   *
   * @param now the time at which the policies are applied
   * @return one entry per group that lost something, by group id
   * @throws VersionConflictException if other writes to a group kept coming in between
   * @throws StorageException if the store fails; groups purged before the failure stay purged, the
   *     group that failed is left as it was
   */
  default ImmutableList<GroupPurge> purge(Instant now) {
    return RetentionRun.run(this, now, true);
  }

  /**
   * Stores what a retention purge left of a group's record, if the group still has the version the
   * purge was worked out from: the primitive {@link #purge(Instant)} is built on. In one
   * transaction, the purged record and its violations replace what is stored, the group's version
   * is raised, and so is the version of each session the purge changed; the other sessions keep
   * theirs.
   *
   * @param purge the purge, worked out from the stored record
   * @param violations the violations to store with the purged record
   * @param expectedVersion the group's version the purge was worked out from
   * @return the group's new version
   * @throws VersionConflictException if the stored version is not {@code expectedVersion}
   * @throws IllegalArgumentException if a violation does not belong to the purged record
   * @throws ConfidentialityException if a session of the purged record may not be kept, as for
   *     {@link #store(GroupRecord, List)}; then nothing is stored
   * @throws StorageException if the store fails; then nothing is stored
   */
  long storePurge(RetentionPurge purge, List<Violation> violations, long expectedVersion);
}
