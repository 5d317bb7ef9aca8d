package org.balint.store;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.balint.group.Group;
import org.balint.method.Violation;
import org.balint.privacy.RetentionPolicy;
import org.balint.privacy.RetentionPurge;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;

/**
 * The repositories of {@link InMemoryStore}, without the confidentiality checks that {@link
 * ConfidentialStore} adds around them.
 *
 * <p>Thread-safe: every operation holds one lock, so each write is atomic and each read sees a
 * whole state.
 */
final class InMemoryRepositories implements BalintStore, GroupRepository, SessionRepository {
  private static final Comparator<Session> BY_START =
      Comparator.comparing(Session::start).thenComparing(Session::id);

  private final Object lock = new Object();
  private final Map<String, StoredGroup> groups = new TreeMap<>();
  private final Map<String, RetentionPolicy> retention = new HashMap<>();

  /** Creates empty repositories. */
  InMemoryRepositories() {}

  /** A group as stored: its record, its version, its sessions' versions and its violations. */
  private static final class StoredGroup {
    final GroupRecord record;
    final long version;
    final ImmutableMap<String, Long> sessionVersions;
    final ImmutableList<Violation> violations;

    StoredGroup(
        GroupRecord record,
        long version,
        Map<String, Long> sessionVersions,
        List<Violation> violations) {
      this.record = record;
      this.version = version;
      this.sessionVersions = ImmutableMap.copyOf(sessionVersions);
      this.violations = ImmutableList.copyOf(violations);
    }

    long sessionVersion(String sessionId) {
      return sessionVersions.getOrDefault(sessionId, Versioned.ABSENT);
    }
  }

  @Override
  public GroupRepository groups() {
    return this;
  }

  @Override
  public SessionRepository sessions() {
    return this;
  }

  @Override
  public void close() {
    // Nothing to release.
  }

  @Override
  public long store(GroupRecord record, List<Violation> violations) {
    synchronized (lock) {
      return put(record, violations);
    }
  }

  @Override
  public long replace(GroupRecord record, List<Violation> violations, long expectedVersion) {
    synchronized (lock) {
      VersionConflictException.check(
          "group " + record.group().id(), groupVersion(record.group().id()), expectedVersion);
      return put(record, violations);
    }
  }

  private long put(GroupRecord record, List<Violation> violations) {
    String groupId = record.group().id();
    Optional<StoredGroup> old = Optional.ofNullable(groups.get(groupId));
    Map<String, Long> sessionVersions = new HashMap<>();
    for (Session session : record.sessions()) {
      long previous = old.map(o -> o.sessionVersion(session.id())).orElse(Versioned.ABSENT);
      sessionVersions.put(session.id(), previous + 1);
    }
    long version = groupVersion(groupId) + 1;
    groups.put(groupId, new StoredGroup(record, version, sessionVersions, violations));
    return version;
  }

  private long groupVersion(String groupId) {
    StoredGroup stored = groups.get(groupId);
    return stored == null ? Versioned.ABSENT : stored.version;
  }

  @Override
  public Optional<Versioned<Group>> findGroup(String groupId) {
    synchronized (lock) {
      return Optional.ofNullable(groups.get(groupId))
          .map(stored -> Versioned.of(stored.record.group(), stored.version));
    }
  }

  @Override
  public Optional<Versioned<GroupRecord>> findRecord(String groupId) {
    synchronized (lock) {
      return Optional.ofNullable(groups.get(groupId))
          .map(stored -> Versioned.of(stored.record, stored.version));
    }
  }

  @Override
  public ImmutableList<Violation> violations(String groupId) {
    synchronized (lock) {
      StoredGroup stored = groups.get(groupId);
      return stored == null ? ImmutableList.of() : stored.violations;
    }
  }

  @Override
  public ImmutableList<String> groupIds() {
    synchronized (lock) {
      return ImmutableList.copyOf(groups.keySet());
    }
  }

  @Override
  public boolean delete(String groupId) {
    synchronized (lock) {
      retention.remove(groupId);
      return groups.remove(groupId) != null;
    }
  }

  @Override
  public Optional<Versioned<Session>> find(String groupId, String sessionId) {
    synchronized (lock) {
      StoredGroup stored = groups.get(groupId);
      if (stored == null) {
        return Optional.empty();
      }
      return stored
          .record
          .session(sessionId)
          .map(session -> Versioned.of(session, stored.sessionVersion(sessionId)));
    }
  }

  @Override
  public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
    List<Session> inRange = new ArrayList<>();
    synchronized (lock) {
      StoredGroup stored = groups.get(groupId);
      if (stored != null) {
        for (Session session : stored.record.sessions()) {
          if (!session.start().isBefore(from) && session.start().isBefore(to)) {
            inRange.add(session);
          }
        }
      }
    }
    inRange.sort(BY_START);
    return Page.slice(inRange, page);
  }

  @Override
  public ImmutableList<Attendance> attendance(String groupId, String personId) {
    List<Session> sessions = new ArrayList<>();
    synchronized (lock) {
      StoredGroup stored = groups.get(groupId);
      if (stored != null) {
        sessions.addAll(stored.record.sessions());
      }
    }
    sessions.sort(BY_START);
    ImmutableList.Builder<Attendance> ledger = ImmutableList.builder();
    for (Session session : sessions) {
      int presented = 0;
      for (Case presentedCase : session.cases()) {
        if (presentedCase.presenter().equals(personId)) {
          presented++;
        }
      }
      ledger.add(
          Attendance.builder()
              .sessionId(session.id())
              .start(session.start())
              .present(session.present().contains(personId))
              .casesPresented(presented)
              .build());
    }
    return ledger.build();
  }

  @Override
  public long store(String groupId, Session session, List<Violation> violations) {
    synchronized (lock) {
      return putSession(groupId, session, violations);
    }
  }

  @Override
  public long replace(
      String groupId, Session session, List<Violation> violations, long expectedVersion) {
    synchronized (lock) {
      StoredGroup stored = storedGroup(groupId);
      VersionConflictException.check(
          SessionKey.of(groupId, session.id()).describe(),
          stored.sessionVersion(session.id()),
          expectedVersion);
      return putSession(groupId, session, violations);
    }
  }

  private StoredGroup storedGroup(String groupId) {
    StoredGroup stored = groups.get(groupId);
    if (stored == null) {
      throw new NotStoredException("group " + groupId);
    }
    return stored;
  }

  private long putSession(String groupId, Session session, List<Violation> violations) {
    StoredGroup stored = storedGroup(groupId);
    List<Session> sessions = new ArrayList<>(stored.record.sessions());
    int index = indexOf(sessions, session.id());
    if (index < 0) {
      sessions.add(session);
    } else {
      sessions.set(index, session);
    }
    List<Violation> kept = new ArrayList<>();
    for (Violation violation : stored.violations) {
      if (!violation.sessionId().equals(Optional.of(session.id()))) {
        kept.add(violation);
      }
    }
    kept.addAll(violations);
    return putSessions(stored, sessions, session.id(), kept);
  }

  private long putSessions(
      StoredGroup stored, List<Session> sessions, String changed, List<Violation> violations) {
    Map<String, Long> versions = new HashMap<>(stored.sessionVersions);
    long version = stored.sessionVersion(changed) + 1;
    versions.put(changed, version);
    GroupRecord record = GroupRecord.builder().from(stored.record).sessions(sessions).build();
    groups.put(
        record.group().id(), new StoredGroup(record, stored.version + 1, versions, violations));
    return version;
  }

  private static int indexOf(List<Session> sessions, String sessionId) {
    for (int i = 0; i < sessions.size(); i++) {
      if (sessions.get(i).id().equals(sessionId)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int append(String groupId, String sessionId, Contribution contribution) {
    checkNotNull(contribution, "contribution must not be null");
    synchronized (lock) {
      StoredGroup stored = groups.get(groupId);
      int index = stored == null ? -1 : indexOf(stored.record.sessions(), sessionId);
      if (stored == null || index < 0) {
        throw new NotStoredException(SessionKey.of(groupId, sessionId).describe());
      }
      List<Session> sessions = new ArrayList<>(stored.record.sessions());
      Session appended = sessions.get(index).appending(contribution);
      sessions.set(index, appended);
      putSessions(stored, sessions, sessionId, stored.violations);
      return appended.contributions().size() - 1;
    }
  }

  @Override
  public Page<SessionKey> withViolation(String ruleId, PageRequest page) {
    List<SessionKey> keys = new ArrayList<>();
    synchronized (lock) {
      for (StoredGroup stored : groups.values()) {
        List<Session> sessions = new ArrayList<>(stored.record.sessions());
        sessions.sort(BY_START);
        for (Session session : sessions) {
          boolean violated =
              stored.violations.stream()
                  .anyMatch(
                      v ->
                          v.ruleId().equals(ruleId)
                              && v.sessionId().equals(Optional.of(session.id())));
          if (violated) {
            keys.add(SessionKey.of(stored.record.group().id(), session.id()));
          }
        }
      }
    }
    return Page.slice(keys, page);
  }

  @Override
  public Optional<RetentionPolicy> retention(String groupId) {
    synchronized (lock) {
      return groups.containsKey(groupId)
          ? Optional.of(retention.getOrDefault(groupId, RetentionPolicy.keepEverything()))
          : Optional.empty();
    }
  }

  @Override
  public void setRetention(String groupId, RetentionPolicy policy) {
    checkNotNull(policy, "policy must not be null");
    synchronized (lock) {
      storedGroup(groupId);
      retention.put(groupId, policy);
    }
  }

  @Override
  public long storePurge(RetentionPurge purge, List<Violation> violations, long expectedVersion) {
    String groupId = purge.purged().group().id();
    synchronized (lock) {
      VersionConflictException.check("group " + groupId, groupVersion(groupId), expectedVersion);
      StoredGroup stored = storedGroup(groupId);
      long version = stored.version + 1;
      groups.put(
          groupId,
          new StoredGroup(
              purge.purged(),
              version,
              GroupPurge.sessionVersionsAfter(purge, stored.sessionVersions),
              violations));
      return version;
    }
  }
}
