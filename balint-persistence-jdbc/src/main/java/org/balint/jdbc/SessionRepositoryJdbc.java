package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.balint.store.SessionKey;
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link SessionRepository} over JDBC. Every write first locks the group's row, so writers of one
 * group (appenders included) take turns: none loses another's contribution, and none repeats a
 * position in a session. Consent, identifiers and retention are checked by the {@link
 * org.balint.store.ConfidentialStore} that {@link JdbcStore} wraps around this repository.
 */
final class SessionRepositoryJdbc implements SessionRepository {
  /** Sessions that started in [from, to): parameters from seconds, from seconds, from nanos, ... */
  private static final String IN_RANGE =
      " AND (start_s > ? OR (start_s = ? AND start_ns >= ?))"
          + " AND (start_s < ? OR (start_s = ? AND start_ns < ?))";

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
    OptionalLong generation = RecordReader.generation(connection, groupId);
    if (generation.isEmpty()) {
      return Optional.empty();
    }
    return RecordReader.sessions(
            connection,
            groupId,
            generation.getAsLong(),
            RecordReader.SessionQuery.one(sessionId))
        .stream()
        .findFirst();
  }

  @Override
  public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
    List<Object> range =
        List.of(
            from.getEpochSecond(),
            from.getEpochSecond(),
            from.getNano(),
            to.getEpochSecond(),
            to.getEpochSecond(),
            to.getNano());
    return transactions.read(
        "reading the sessions of group " + groupId,
        connection -> {
          OptionalLong generation = RecordReader.generation(connection, groupId);
          if (generation.isEmpty()) {
            return Page.<Session>of(List.of(), page, 0);
          }
          List<Object> current = new ArrayList<>();
          current.add(generation.getAsLong());
          current.addAll(range);
          long total =
              count(
                  connection,
                  "SELECT COUNT(*) FROM balint_session WHERE group_id = ? AND generation = ?"
                      + IN_RANGE,
                  groupId,
                  current);
          List<Object> paged = new ArrayList<>(range);
          paged.add(page.size());
          paged.add(page.offset());
          List<Session> sessions = new ArrayList<>();
          for (Versioned<Session> session :
              RecordReader.sessions(
                  connection,
                  groupId,
                  generation.getAsLong(),
                  RecordReader.SessionQuery.where(
                      IN_RANGE + " ORDER BY start_s, start_ns, session_id LIMIT ? OFFSET ?",
                      paged))) {
            sessions.add(session.value());
          }
          return Page.of(sessions, page, total);
        });
  }

  private static long count(
      Connection connection, String sql, String first, List<Object> parameters)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, first);
      RecordReader.bind(select, 2, parameters);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public ImmutableList<Attendance> attendance(String groupId, String personId) {
    return transactions.read(
        "reading the attendance of " + personId + " in group " + groupId,
        connection -> {
          ImmutableList.Builder<Attendance> ledger = ImmutableList.builder();
          RecordReader.forEachRow(
              connection,
              "SELECT s.session_id, s.start_s, s.start_ns,"
                  + " (SELECT COUNT(*) FROM balint_present p WHERE p.group_id = s.group_id"
                  + " AND p.generation = s.generation AND p.session_id = s.session_id"
                  + " AND p.person_id = ?) AS present,"
                  + " (SELECT COUNT(*) FROM balint_case c WHERE c.group_id = s.group_id"
                  + " AND c.generation = s.generation AND c.session_id = s.session_id"
                  + " AND c.presenter = ?) AS presented"
                  + " FROM balint_session s JOIN balint_group g ON g.group_id = s.group_id"
                  + " AND g.generation = s.generation WHERE s.group_id = ?"
                  + " ORDER BY s.start_s, s.start_ns, s.session_id",
              List.of(personId, personId, groupId),
              row ->
                  ledger.add(
                      Attendance.builder()
                          .sessionId(row.getString("session_id"))
                          .start(Columns.instant(row, "start").orElseThrow())
                          .present(row.getLong("present") > 0)
                          .casesPresented(row.getInt("presented"))
                          .build()));
          return ledger.build();
        });
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
    RecordWriter.LockedGroup locked =
        RecordWriter.lockStored(connection, groupId, "group " + groupId);
    RecordReader.GroupRow group = RecordReader.group(connection, groupId).orElseThrow();
    List<Session> sessions = new ArrayList<>();
    Map<String, Long> versions = new HashMap<>();
    long stored = Versioned.ABSENT;
    for (Versioned<Session> current :
        RecordReader.sessions(
            connection, groupId, locked.generation, RecordReader.SessionQuery.all())) {
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
    for (Violation violation :
        RecordReader.violations(connection, groupId, locked.generation)) {
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

  private static void setSessionVersion(
      Connection connection, String groupId, long generation, String sessionId, long version)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE balint_session SET version = ?"
                + " WHERE group_id = ? AND generation = ? AND session_id = ?")) {
      update.setLong(1, version);
      update.setString(2, groupId);
      update.setLong(3, generation);
      update.setString(4, sessionId);
      update.executeUpdate();
    }
  }

  @Override
  public int append(String groupId, String sessionId, Contribution contribution) {
    return transactions.write(
        "appending to " + SessionKey.of(groupId, sessionId).describe(),
        connection -> {
          String what = SessionKey.of(groupId, sessionId).describe();
          RecordWriter.LockedGroup locked = RecordWriter.lockStored(connection, groupId, what);
          Versioned<Session> stored =
              findIn(connection, groupId, sessionId)
                  .orElseThrow(() -> new NotStoredException(what));
          Session appended = stored.value().appending(contribution);
          int index = appended.contributions().size() - 1;
          // The versions first and the row last: a database that keeps part of an unfinished
          // transaction then shows at worst a raised version, never a half-appended session.
          setSessionVersion(connection, groupId, locked.generation, sessionId, stored.version() + 1);
          RecordWriter.setGroupVersion(connection, groupId, locked.version + 1);
          RecordWriter.insertContribution(
              connection, groupId, locked.generation, sessionId, index, contribution);
          return index;
        });
  }

  @Override
  public Page<SessionKey> withViolation(String ruleId, PageRequest page) {
    String violated =
        " FROM balint_session s JOIN balint_group g ON g.group_id = s.group_id"
            + " AND g.generation = s.generation"
            + " WHERE EXISTS (SELECT 1 FROM balint_violation v WHERE v.group_id = s.group_id"
            + " AND v.generation = s.generation AND v.session_id = s.session_id"
            + " AND v.rule_id = ?)";
    return transactions.read(
        "finding sessions that broke " + ruleId,
        connection -> {
          long total = count(connection, "SELECT COUNT(*)" + violated, ruleId, List.of());
          List<SessionKey> keys = new ArrayList<>();
          RecordReader.forEachRow(
              connection,
              "SELECT s.group_id, s.session_id"
                  + violated
                  + " ORDER BY s.group_id, s.start_s, s.start_ns, s.session_id LIMIT ? OFFSET ?",
              List.of(ruleId, page.size(), page.offset()),
              row -> keys.add(SessionKey.of(row.getString(1), row.getString(2))));
          return Page.of(keys, page, total);
        });
  }
}
