package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.method.Violation;
import org.balint.session.Contribution;
import org.balint.session.Recording;
import org.balint.session.Session;
import org.balint.store.Attendance;
import org.balint.store.NotStoredException;
import org.balint.store.Page;
import org.balint.store.PageRequest;
import org.balint.store.SessionKey;
import org.balint.store.SessionRepository;
import org.balint.store.StoreArguments;
import org.balint.store.VersionConflictException;
import org.balint.store.Versioned;

/**
 * {@link SessionRepository} over JDBC. Every write first locks the group's row, so writers of one
 * group (appenders included) take turns: none loses another's contribution, and none repeats a
 * position in a session.
 *
 * <p>Obtain it from {@link JdbcStore#sessions()}.
 */
public final class SessionRepositoryJdbc implements SessionRepository {
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
        "reading " + StoreArguments.sessionName(groupId, sessionId),
        connection -> findIn(connection, groupId, sessionId));
  }

  private static Optional<Versioned<Session>> findIn(
      Connection connection, String groupId, String sessionId) throws SQLException {
    return RecordReader.sessions(connection, groupId, RecordReader.SessionQuery.one(sessionId))
        .stream()
        .findFirst();
  }

  @Override
  public Page<Session> sessions(String groupId, Instant from, Instant to, PageRequest page) {
    StoreArguments.checkRange(from, to);
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
          long total = count(connection, "SELECT COUNT(*) FROM balint_session WHERE group_id = ?"
              + IN_RANGE, groupId, range);
          List<Object> paged = new ArrayList<>(range);
          paged.add(page.size());
          paged.add(page.offset());
          List<Session> sessions = new ArrayList<>();
          for (Versioned<Session> session :
              RecordReader.sessions(
                  connection,
                  groupId,
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
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT s.session_id, s.start_s, s.start_ns,"
                      + " (SELECT COUNT(*) FROM balint_present p WHERE p.group_id = s.group_id"
                      + " AND p.session_id = s.session_id AND p.person_id = ?) AS present,"
                      + " (SELECT COUNT(*) FROM balint_case c WHERE c.group_id = s.group_id"
                      + " AND c.session_id = s.session_id AND c.presenter = ?) AS presented"
                      + " FROM balint_session s WHERE s.group_id = ?"
                      + " ORDER BY s.start_s, s.start_ns, s.session_id")) {
            select.setString(1, personId);
            select.setString(2, personId);
            select.setString(3, groupId);
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                ledger.add(
                    Attendance.builder()
                        .sessionId(row.getString("session_id"))
                        .start(Columns.instant(row, "start").orElseThrow())
                        .present(row.getLong("present") > 0)
                        .casesPresented(row.getInt("presented"))
                        .build());
              }
            }
          }
          return ledger.build();
        });
  }

  @Override
  public long store(String groupId, Session session, List<Violation> violations) {
    StoreArguments.checkViolations(groupId, session, violations);
    return transactions.write(
        "storing " + StoreArguments.sessionName(groupId, session.id()),
        connection -> put(connection, groupId, session, violations, OptionalLong.empty()));
  }

  @Override
  public long replace(
      String groupId, Session session, List<Violation> violations, long expectedVersion) {
    StoreArguments.checkViolations(groupId, session, violations);
    return transactions.write(
        "storing " + StoreArguments.sessionName(groupId, session.id()),
        connection ->
            put(connection, groupId, session, violations, OptionalLong.of(expectedVersion)));
  }

  private static long lockGroup(Connection connection, String groupId, String what)
      throws SQLException {
    OptionalLong version = RecordWriter.lockGroup(connection, groupId);
    if (version.isEmpty()) {
      throw new NotStoredException(what);
    }
    return version.getAsLong();
  }

  private static long put(
      Connection connection,
      String groupId,
      Session session,
      List<Violation> violations,
      OptionalLong expectedVersion)
      throws SQLException {
    long groupVersion = lockGroup(connection, groupId, StoreArguments.groupName(groupId));
    OptionalLong stored = sessionVersion(connection, groupId, session.id());
    if (expectedVersion.isPresent()) {
      VersionConflictException.check(
          StoreArguments.sessionName(groupId, session.id()),
          stored.orElse(Versioned.ABSENT),
          expectedVersion.getAsLong());
    }
    long version = stored.orElse(Versioned.ABSENT) + 1;
    if (stored.isPresent()) {
      RecordWriter.deleteSessionContents(connection, groupId, session.id());
      updateSessionRow(connection, groupId, session, version);
      RecordWriter.insertSessionContents(connection, groupId, List.of(session));
    } else {
      int seq = RecordWriter.nextSeq(connection, "balint_session", groupId);
      RecordWriter.insertSessions(
          connection, groupId, List.of(session), seq, ImmutableMap.of(session.id(), version));
    }
    RecordWriter.insertViolations(connection, groupId, violations);
    RecordWriter.setGroupVersion(connection, groupId, groupVersion + 1);
    return version;
  }

  private static OptionalLong sessionVersion(
      Connection connection, String groupId, String sessionId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT version FROM balint_session WHERE group_id = ? AND session_id = ?")) {
      select.setString(1, groupId);
      select.setString(2, sessionId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  private static void updateSessionRow(
      Connection connection, String groupId, Session session, long version) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE balint_session SET start_s = ?, start_ns = ?, end_s = ?, end_ns = ?,"
                + " session_mode = ?, recording_purpose = ?, recording_extensions = ?,"
                + " extensions = ?, version = ? WHERE group_id = ? AND session_id = ?")) {
      Columns.setInstant(update, 1, session.start());
      Columns.setInstant(update, 3, session.end().orElse(null));
      update.setString(5, session.mode().name());
      Columns.setText(update, 6, session.recording().map(r -> r.purpose().name()));
      Columns.setExtensions(
          update, 7, session.recording().flatMap(Recording::extensions));
      Columns.setExtensions(update, 8, session.extensions());
      update.setLong(9, version);
      update.setString(10, groupId);
      update.setString(11, session.id());
      update.executeUpdate();
    }
  }

  private static void setSessionVersion(
      Connection connection, String groupId, String sessionId, long version) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE balint_session SET version = ? WHERE group_id = ? AND session_id = ?")) {
      update.setLong(1, version);
      update.setString(2, groupId);
      update.setString(3, sessionId);
      update.executeUpdate();
    }
  }

  @Override
  public int append(String groupId, String sessionId, Contribution contribution) {
    return transactions.write(
        "appending to " + StoreArguments.sessionName(groupId, sessionId),
        connection -> {
          String what = StoreArguments.sessionName(groupId, sessionId);
          long groupVersion = lockGroup(connection, groupId, what);
          Versioned<Session> stored =
              findIn(connection, groupId, sessionId)
                  .orElseThrow(() -> new NotStoredException(what));
          Session appended = StoreArguments.appended(stored.value(), contribution);
          int index = appended.contributions().size() - 1;
          RecordWriter.insertContribution(connection, groupId, sessionId, index, contribution);
          setSessionVersion(connection, groupId, sessionId, stored.version() + 1);
          RecordWriter.setGroupVersion(connection, groupId, groupVersion + 1);
          return index;
        });
  }

  @Override
  public Page<SessionKey> withViolation(String ruleId, PageRequest page) {
    String violated =
        " FROM balint_session s WHERE EXISTS (SELECT 1 FROM balint_violation v"
            + " WHERE v.group_id = s.group_id AND v.session_id = s.session_id AND v.rule_id = ?)";
    return transactions.read(
        "finding sessions that broke " + ruleId,
        connection -> {
          long total = count(connection, "SELECT COUNT(*)" + violated, ruleId, List.of());
          List<SessionKey> keys = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT s.group_id, s.session_id"
                      + violated
                      + " ORDER BY s.group_id, s.start_s, s.start_ns, s.session_id"
                      + " LIMIT ? OFFSET ?")) {
            select.setString(1, ruleId);
            select.setInt(2, page.size());
            select.setLong(3, page.offset());
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                keys.add(SessionKey.of(row.getString(1), row.getString(2)));
              }
            }
          }
          return Page.of(keys, page, total);
        });
  }
}
