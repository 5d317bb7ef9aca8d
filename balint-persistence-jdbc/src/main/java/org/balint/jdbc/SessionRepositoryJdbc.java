package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.GroupRecord;
import org.balint.session.Session;
import org.balint.store.Attendance;
import org.balint.store.NotStoredException;
import org.balint.store.Page;
import org.balint.store.PageRequest;
import org.balint.store.SessionKey;
import org.balint.store.SessionRepository;
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link SessionRepository} over JDBC. Every write first locks the group's row, so writers of one
 * group (appenders included) take turns: none loses another's contribution, and none repeats a
 * position in a session. Consent, identifiers and retention are checked by the {@link
 * org.balint.store.ConfidentialStore} that {@link JdbcStore} wraps around this repository.
 */
final class SessionRepositoryJdbc implements SessionRepository {
  private final Transactions transactions;

  SessionRepositoryJdbc(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<Versioned<Session>> find(String groupId, String sessionId) {
    return transactions.read(
        "reading " + SessionKey.of(groupId, sessionId).describe(),
        connection -> findIn(connection, groupId, sessionId));
  }

  private static Optional<Versioned<Session>> findIn(
      Connection connection, String groupId, String sessionId) throws SQLException {
    OptionalLong generation = GroupTable.generation(connection, groupId);
    if (generation.isEmpty()) {
      return Optional.empty();
    }
    return RecordReader.sessions(
            connection, SessionTable.one(connection, groupId, generation.getAsLong(), sessionId))
        .stream()
        .findFirst();
  }

  @Override
  public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
    return transactions.read(
        "reading the sessions of group " + groupId,
        connection -> {
          OptionalLong generation = GroupTable.generation(connection, groupId);
          if (generation.isEmpty()) {
            return Page.<Session>of(List.of(), page, 0);
          }
          long total = SessionTable.count(connection, groupId, generation.getAsLong(), from, to);
          List<Session> sessions = new ArrayList<>();
          for (Versioned<Session> session :
              RecordReader.sessions(
                  connection,
                  SessionTable.page(connection, groupId, generation.getAsLong(), from, to, page))) {
            sessions.add(session.value());
          }
          return Page.of(sessions, page, total);
        });
  }

  @Override
  public ImmutableList<Attendance> attendance(String groupId, String personId) {
    return transactions.read(
        "reading the attendance of " + personId + " in group " + groupId,
        connection -> SessionTable.attendance(connection, groupId, personId));
  }

  @Override
  public long store(String groupId, Session session, List<Violation> violations) {
    return transactions.write(
        "storing " + SessionKey.of(groupId, session.id()).describe(),
        connection -> put(connection, groupId, session, violations, OptionalLong.empty()));
  }

  @Override
  public long replace(
      String groupId, Session session, List<Violation> violations, long expectedVersion) {
    return transactions.write(
        "storing " + SessionKey.of(groupId, session.id()).describe(),
        connection ->
            put(connection, groupId, session, violations, OptionalLong.of(expectedVersion)));
  }

  /**
   * Stores a session by writing its group's record again with the session in place: a record is
   * always written whole under a new generation, so a session, too, is stored whole or not at all.
   */
  private static long put(
      Connection connection,
      String groupId,
      Session session,
      List<Violation> violations,
      OptionalLong expectedVersion)
      throws SQLException {
    GroupTable.Locked locked = GroupTable.lockStored(connection, groupId, "group " + groupId);
    RecordReader.GroupRow group = RecordReader.group(connection, groupId).orElseThrow();
    List<Session> sessions = new ArrayList<>();
    Map<String, Long> versions = new HashMap<>();
    long stored = Versioned.ABSENT;
    for (Versioned<Session> current :
        RecordReader.sessions(
            connection, SessionTable.all(connection, groupId, locked.generation))) {
      versions.put(current.value().id(), current.version());
      if (current.value().id().equals(session.id())) {
        stored = current.version();
        sessions.add(session);
      } else {
        sessions.add(current.value());
      }
    }
    if (expectedVersion.isPresent()) {
      VersionConflictException.check(
          SessionKey.of(groupId, session.id()).describe(), stored, expectedVersion.getAsLong());
    }
    if (stored == Versioned.ABSENT) {
      sessions.add(session);
    }
    long version = stored + 1;
    versions.put(session.id(), version);
    List<Violation> kept = new ArrayList<>();
    for (Violation violation : ViolationTable.read(connection, groupId, locked.generation)) {
      if (!violation.sessionId().equals(Optional.of(session.id()))) {
        kept.add(violation);
      }
    }
    kept.addAll(violations);
    GroupRecord record =
        GroupRecord.builder()
            .group(group.group)
            .sessions(sessions)
            .extensions(group.recordExtensions)
            .build();
    RecordWriter.writeRecord(
        connection, Optional.of(locked), record, kept, locked.version + 1, versions);
    return version;
  }

  @Override
  public int append(String groupId, String sessionId, Contribution contribution) {
    return transactions.write(
        "appending to " + SessionKey.of(groupId, sessionId).describe(),
        connection -> {
          String what = SessionKey.of(groupId, sessionId).describe();
          GroupTable.Locked locked = GroupTable.lockStored(connection, groupId, what);
          Versioned<Session> stored =
              findIn(connection, groupId, sessionId)
                  .orElseThrow(() -> new NotStoredException(what));
          Session appended = stored.value().appending(contribution);
          int index = appended.contributions().size() - 1;
          // The versions first and the row last: a database that keeps part of an unfinished
          // transaction then shows at worst a raised version, never a half-appended session.
          SessionTable.setVersion(
              connection, groupId, locked.generation, sessionId, stored.version() + 1);
          GroupTable.setVersion(connection, groupId, locked.version + 1);
          ContributionTable.insert(
              connection, groupId, locked.generation, sessionId, index, contribution);
          return index;
        });
  }

  @Override
  public Page<SessionKey> withViolation(String ruleId, PageRequest page) {
    return transactions.read(
        "finding sessions that broke " + ruleId,
        connection ->
            Page.of(
                ViolationTable.violated(connection, ruleId, page),
                page,
                ViolationTable.countViolated(connection, ruleId)));
  }
}
