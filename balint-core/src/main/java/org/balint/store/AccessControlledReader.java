package org.balint.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.privacy.AccessFilter;
import org.balint.privacy.AccessPolicy;
import org.balint.privacy.Caller;
import org.balint.privacy.DataKind;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * The reads of a store as one caller may make them: every read returns only what the {@link
 * AccessPolicy} lets the {@link Caller} see, cut down by {@link AccessFilter}. Obtain one with
 * {@link BalintStore#readAs(Caller)} or {@link BalintStore#readAs(Caller, AccessPolicy)}.
 *
 * <p>With the standard policy, members and leaders of a group see all of it; administrators see its
 * roster, attendance, training records and session metadata, but neither case titles nor
 * contributions; researchers see only the redacted sessions recorded for research with everyone's
 * consent; anyone else sees nothing of it (as if it were not stored). Versions are those of the
 * stored values, so a caller may still make checked writes through the unfiltered repositories.
 *
 * <p>Thread-safe when the store is.
 */
public final class AccessControlledReader {
  private final BalintStore store;
  private final Caller caller;
  private final AccessPolicy policy;
  private final AccessFilter filter;

  private AccessControlledReader(BalintStore store, Caller caller, AccessPolicy policy) {
    this.store = store;
    this.caller = caller;
    this.policy = policy;
    this.filter = AccessFilter.of(policy);
  }

  /**
   * Creates the reads of a store for one caller under a policy.
   *
   * @param store the store read
   * @param caller who reads
   * @param policy what the caller may see
   * @return the caller's reads
   * @throws NullPointerException if an argument is null
   */
  public static AccessControlledReader of(BalintStore store, Caller caller, AccessPolicy policy) {
    return new AccessControlledReader(
        checkNotNull(store, "store must not be null"),
        checkNotNull(caller, "caller must not be null"),
        checkNotNull(policy, "policy must not be null"));
  }

  /**
   * The caller this reader reads for.
   *
   * @return the caller
   */
  public Caller caller() {
    return caller;
  }

  private ImmutableSet<DataKind> kinds(String groupId) {
    return policy.permitted(caller, groupId);
  }

  /**
   * The ids of the stored groups of which the caller may see anything.
   *
   * @return the group ids, in ascending order
   * @throws StorageException if the store fails
   */
  public ImmutableList<String> groupIds() {
    return store.groups().groupIds().stream()
        .filter(groupId -> !kinds(groupId).isEmpty())
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * A group's roster as the caller may see it: names withheld ({@code [NAME]}) without {@link
   * DataKind#ROSTER}.
   *
   * @param groupId the group's id
   * @return the group and its version, or empty if it is not stored or the caller may see nothing
   *     of it
   * @throws StorageException if the store fails
   */
  public Optional<Versioned<Group>> findGroup(String groupId) {
    if (kinds(groupId).isEmpty()) {
      return Optional.empty();
    }
    return store
        .groups()
        .findGroup(groupId)
        .map(
            found ->
                Versioned.of(
                    visible(GroupRecord.builder().group(found.value()).build())
                        .orElseThrow()
                        .group(),
                    found.version()));
  }

  /**
   * A group's whole record as the caller may see it (see {@link AccessFilter}).
   *
   * @param groupId the group's id
   * @return the visible record and the group's version, or empty if it is not stored or the caller
   *     may see nothing of it
   * @throws StorageException if the store fails
   */
  public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
    if (kinds(groupId).isEmpty()) {
      return Optional.empty();
    }
    return store
        .groups()
        .findRecord(groupId)
        .flatMap(found -> visible(found.value()).map(v -> Versioned.of(v, found.version())));
  }

  /**
   * One session as the caller may see it.
   *
   * @param groupId the group's id
   * @param sessionId the session's id
   * @return the visible session and its version, or empty if it is not stored or not visible to the
   *     caller
   * @throws StorageException if the store fails
   */
  public Optional<Versioned<Session>> find(String groupId, String sessionId) {
    if (kinds(groupId).isEmpty()) {
      return Optional.empty();
    }
    Optional<Versioned<Group>> group = store.groups().findGroup(groupId);
    if (group.isEmpty()) {
      return Optional.empty();
    }
    return store
        .sessions()
        .find(groupId, sessionId)
        .flatMap(
            found ->
                visibleSession(group.get().value(), found.value())
                    .map(session -> Versioned.of(session, found.version())));
  }

  /**
   * A page of the sessions of a group that started in a time range and that the caller may see,
   * each as the caller may see it, earliest first.
   *
   * @param groupId the group's id
   * @param from the earliest start, inclusive
   * @param to the latest start, exclusive
   * @param page which page to read
   * @return the page; empty if the group is not stored or the caller may see none of its sessions
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   * @throws StorageException if the store fails
   */
  public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
    ConfidentialStore.checkRange(from, to);
    ImmutableSet<DataKind> kinds = kinds(groupId);
    Optional<Versioned<Group>> group =
        kinds.isEmpty() ? Optional.empty() : store.groups().findGroup(groupId);
    if (group.isEmpty()) {
      return Page.of(ImmutableList.of(), page, 0);
    }
    if (seesEverySession(kinds)) {
      Page<Session> stored = store.sessions().sessions(groupId, from, to, page);
      List<Session> visible = new ArrayList<>();
      for (Session session : stored.items()) {
        visibleSession(group.get().value(), session).ifPresent(visible::add);
      }
      return Page.of(visible, page, stored.total());
    }
    // Only some sessions are visible (the research export): filter the whole range, then slice.
    List<Session> visible = new ArrayList<>();
    Optional<PageRequest> next = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
    while (next.isPresent()) {
      Page<Session> stored = store.sessions().sessions(groupId, from, to, next.get());
      for (Session session : stored.items()) {
        visibleSession(group.get().value(), session).ifPresent(visible::add);
      }
      next = stored.nextRequest();
    }
    return Page.slice(visible, page);
  }

  /**
   * A person's attendance ledger in a group, if the caller may see the group's {@link
   * DataKind#TRAINING_RECORDS}.
   *
   * @param groupId the group's id
   * @param personId the id of a leader or member
   * @return the ledger, or empty if the group is not stored or the caller may not see its training
   *     records
   * @throws StorageException if the store fails
   */
  public ImmutableList<Attendance> attendance(String groupId, String personId) {
    return policy.permits(caller, groupId, DataKind.TRAINING_RECORDS)
        ? store.sessions().attendance(groupId, personId)
        : ImmutableList.of();
  }

  /**
   * The violations stored with a group that the caller may see: those about the group with {@link
   * DataKind#ROSTER}, those about a session with {@link DataKind#SESSION_METADATA}, and those about
   * one contribution with {@link DataKind#CONTRIBUTIONS}.
   *
   * @param groupId the group's id
   * @return the visible violations, in stored order
   * @throws StorageException if the store fails
   */
  public ImmutableList<Violation> violations(String groupId) {
    ImmutableSet<DataKind> kinds = kinds(groupId);
    if (kinds.isEmpty()) {
      return ImmutableList.of();
    }
    return store.groups().violations(groupId).stream()
        .filter(
            v ->
                kinds.contains(
                    v.sessionId().isEmpty()
                        ? DataKind.ROSTER
                        : v.contributionIndex().isPresent()
                            ? DataKind.CONTRIBUTIONS
                            : DataKind.SESSION_METADATA))
        .collect(ImmutableList.toImmutableList());
  }

  private static boolean seesEverySession(ImmutableSet<DataKind> kinds) {
    return kinds.contains(DataKind.SESSION_METADATA)
        || kinds.contains(DataKind.ATTENDANCE)
        || kinds.contains(DataKind.CASE_TITLES)
        || kinds.contains(DataKind.CONTRIBUTIONS);
  }

  private Optional<GroupRecord> visible(GroupRecord record) {
    return filter.visibleTo(caller, record);
  }

  private Optional<Session> visibleSession(Group group, Session session) {
    return visible(GroupRecord.builder().group(group).addSession(session).build())
        .flatMap(record -> record.sessions().stream().findFirst());
  }
}
