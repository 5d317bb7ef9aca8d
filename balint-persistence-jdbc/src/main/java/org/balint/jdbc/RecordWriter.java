package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.balint.Extensions;
import org.balint.group.Group;
import org.balint.group.Leader;
import org.balint.group.Member;
import org.balint.method.Violation;
import org.balint.session.Case;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Recording;
import org.balint.session.Session;
import org.balint.store.Versioned;

/**
 * Writes groups, sessions and violations as rows, always inside a transaction that has locked the
 * group's row first: every writer of a group takes the same lock in the same order, so writes to
 * one group happen one after another and never deadlock.
 */
final class RecordWriter {
  /** The child tables of a session, deleted before the session row. */
  private static final List<String> SESSION_CHILDREN =
      List.of("balint_contribution", "balint_case", "balint_consent", "balint_present");

  private static final String INSERT_CONTRIBUTION =
      "INSERT INTO balint_contribution (group_id, session_id, seq, at_s, at_ns, speaker, phase,"
          + " content, kind, case_index, extensions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private RecordWriter() {}

  /**
   * Locks a group's row for the rest of the transaction.
   *
   * @param connection the connection, in a transaction
   * @param groupId the group's id
   * @return the group's version, or empty if it is not stored
   * @throws SQLException if the statement fails
   */
  static OptionalLong lockGroup(Connection connection, String groupId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT version FROM balint_group WHERE group_id = ? FOR UPDATE")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  /**
   * Inserts a group's row, or updates it when {@code update} is set.
   *
   * @param connection the connection
   * @param group the group
   * @param recordExtensions the extensions of the whole record
   * @param version the version to store
   * @param update whether the row exists
   * @throws SQLException if the statement fails
   */
  static void putGroup(
      Connection connection,
      Group group,
      Optional<Extensions> recordExtensions,
      long version,
      boolean update)
      throws SQLException {
    String sql =
        update
            ? "UPDATE balint_group SET name = ?, extensions = ?, record_extensions = ?, version = ?"
                + " WHERE group_id = ?"
            : "INSERT INTO balint_group (name, extensions, record_extensions, version, group_id)"
                + " VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, group.name());
      Columns.setExtensions(statement, 2, group.extensions());
      Columns.setExtensions(statement, 3, recordExtensions);
      statement.setLong(4, version);
      statement.setString(5, group.id());
      statement.executeUpdate();
    }
  }

  /**
   * Sets a group's version, after a change to one of its sessions.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param version the new version
   * @throws SQLException if the statement fails
   */
  static void setGroupVersion(Connection connection, String groupId, long version)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("UPDATE balint_group SET version = ? WHERE group_id = ?")) {
      statement.setLong(1, version);
      statement.setString(2, groupId);
      statement.executeUpdate();
    }
  }

  /**
   * Deletes every row of a group except the group's own row.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @throws SQLException if a statement fails
   */
  static void deleteContents(Connection connection, String groupId) throws SQLException {
    for (String table : SESSION_CHILDREN) {
      delete(connection, table, groupId, Optional.empty());
    }
    delete(connection, "balint_violation", groupId, Optional.empty());
    delete(connection, "balint_session", groupId, Optional.empty());
    delete(connection, "balint_roster", groupId, Optional.empty());
  }

  /**
   * Deletes the rows that hang off one session (presence, consent, cases, contributions) and the
   * violations stored with it; the session's own row stays.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param sessionId the session's id
   * @throws SQLException if a statement fails
   */
  static void deleteSessionContents(Connection connection, String groupId, String sessionId)
      throws SQLException {
    for (String table : SESSION_CHILDREN) {
      delete(connection, table, groupId, Optional.of(sessionId));
    }
    delete(connection, "balint_violation", groupId, Optional.of(sessionId));
  }

  /**
   * Deletes a group's rows from one table, or one session's.
   *
   * @param connection the connection
   * @param table the table
   * @param groupId the group's id
   * @param sessionId the session's id, or empty for all the group's rows
   * @throws SQLException if the statement fails
   */
  static void delete(
      Connection connection, String table, String groupId, Optional<String> sessionId)
      throws SQLException {
    String sql =
        "DELETE FROM " + table + " WHERE group_id = ?"
            + (sessionId.isPresent() ? " AND session_id = ?" : "");
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, groupId);
      if (sessionId.isPresent()) {
        statement.setString(2, sessionId.get());
      }
      statement.executeUpdate();
    }
  }

  /**
   * Inserts a group's roster: leaders, then members, in order.
   *
   * @param connection the connection
   * @param group the group
   * @throws SQLException if the database refuses a row
   */
  static void insertRoster(Connection connection, Group group) throws SQLException {
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_roster (group_id, seq, person_id, roster_role, name, profession,"
                + " training, extensions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = 0;
      for (Leader leader : group.leaders()) {
        rosterRow(batch.row(), group.id(), seq++, leader.id(), "LEADER", leader.name());
        batch.row().setString(6, leader.profession().name());
        batch.row().setString(7, leader.training().name());
        Columns.setExtensions(batch.row(), 8, leader.extensions());
        batch.add();
      }
      for (Member member : group.members()) {
        rosterRow(batch.row(), group.id(), seq++, member.id(), "MEMBER", member.name());
        batch.row().setString(6, member.profession().name());
        Columns.setText(batch.row(), 7, Optional.empty());
        Columns.setExtensions(batch.row(), 8, member.extensions());
        batch.add();
      }
    }
  }

  private static void rosterRow(
      PreparedStatement row, String groupId, int seq, String personId, String role, String name)
      throws SQLException {
    row.setString(1, groupId);
    row.setInt(2, seq);
    row.setString(3, personId);
    row.setString(4, role);
    row.setString(5, name);
  }

  /**
   * Inserts sessions' rows and everything that hangs off them, each table in one batch.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param sessions the sessions, in order
   * @param firstSeq the position of the first session in its record
   * @param versions each session's version by id; {@link Versioned#ABSENT} + 1 when missing
   * @throws SQLException if the database refuses a row
   */
  static void insertSessions(
      Connection connection,
      String groupId,
      List<Session> sessions,
      int firstSeq,
      Map<String, Long> versions)
      throws SQLException {
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_session (group_id, session_id, seq, start_s, start_ns, end_s,"
                + " end_ns, session_mode, recording_purpose, recording_extensions, extensions,"
                + " version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = firstSeq;
      for (Session session : sessions) {
        PreparedStatement row = batch.row();
        row.setString(1, groupId);
        row.setString(2, session.id());
        row.setInt(3, seq++);
        Columns.setInstant(row, 4, session.start());
        Columns.setInstant(row, 6, session.end().orElse(null));
        row.setString(8, session.mode().name());
        Columns.setText(row, 9, session.recording().map(r -> r.purpose().name()));
        Columns.setExtensions(row, 10, session.recording().flatMap(Recording::extensions));
        Columns.setExtensions(row, 11, session.extensions());
        row.setLong(12, versions.getOrDefault(session.id(), Versioned.ABSENT + 1));
        batch.add();
      }
    }
    insertSessionContents(connection, groupId, sessions);
  }

  /**
   * Inserts what hangs off sessions whose rows exist: presence, consent, cases, contributions.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param sessions the sessions
   * @throws SQLException if the database refuses a row
   */
  static void insertSessionContents(Connection connection, String groupId, List<Session> sessions)
      throws SQLException {
    insertPeople(connection, "balint_present", groupId, sessions, false);
    insertPeople(connection, "balint_consent", groupId, sessions, true);
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_case (group_id, session_id, seq, presenter, title, extensions)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Session session : sessions) {
        int seq = 0;
        for (Case presented : session.cases()) {
          PreparedStatement row = batch.row();
          row.setString(1, groupId);
          row.setString(2, session.id());
          row.setInt(3, seq++);
          row.setString(4, presented.presenter());
          row.setString(5, presented.title());
          Columns.setExtensions(row, 6, presented.extensions());
          batch.add();
        }
      }
    }
    try (Batch batch = new Batch(connection, INSERT_CONTRIBUTION)) {
      for (Session session : sessions) {
        int seq = 0;
        for (Contribution contribution : session.contributions()) {
          contributionRow(batch.row(), groupId, session.id(), seq++, contribution);
          batch.add();
        }
      }
    }
  }

  private static void insertPeople(
      Connection connection,
      String table,
      String groupId,
      List<Session> sessions,
      boolean consent)
      throws SQLException {
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO " + table + " (group_id, session_id, seq, person_id) VALUES (?, ?, ?, ?)")) {
      for (Session session : sessions) {
        List<String> people =
            consent
                ? session.recording().map(Recording::consent).orElse(ImmutableList.of())
                : session.present();
        int seq = 0;
        for (String person : people) {
          PreparedStatement row = batch.row();
          row.setString(1, groupId);
          row.setString(2, session.id());
          row.setInt(3, seq++);
          row.setString(4, person);
          batch.add();
        }
      }
    }
  }

  private static void contributionRow(
      PreparedStatement row, String groupId, String sessionId, int seq, Contribution contribution)
      throws SQLException {
    row.setString(1, groupId);
    row.setString(2, sessionId);
    row.setInt(3, seq);
    Columns.setInstant(row, 4, contribution.at().orElse(null));
    row.setString(6, contribution.speaker());
    row.setString(7, contribution.phase().name());
    row.setString(8, contribution.text());
    Columns.setText(row, 9, contribution.kind().map(ContributionKind::name));
    row.setInt(10, contribution.caseIndex());
    Columns.setExtensions(row, 11, contribution.extensions());
  }

  /**
   * Inserts one contribution at a position in its session.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param sessionId the session's id
   * @param seq its index in the session's contributions
   * @param contribution the contribution
   * @throws SQLException if the database refuses it
   */
  static void insertContribution(
      Connection connection, String groupId, String sessionId, int seq, Contribution contribution)
      throws SQLException {
    try (PreparedStatement row = connection.prepareStatement(INSERT_CONTRIBUTION)) {
      contributionRow(row, groupId, sessionId, seq, contribution);
      row.executeUpdate();
    }
  }

  /**
   * Inserts violations after the group's last stored one.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param violations the violations, in order
   * @throws SQLException if the database refuses one
   */
  static void insertViolations(Connection connection, String groupId, List<Violation> violations)
      throws SQLException {
    int seq = nextSeq(connection, "balint_violation", groupId);
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_violation (group_id, seq, session_id, contribution_index, rule_id,"
                + " severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Violation violation : violations) {
        PreparedStatement row = batch.row();
        row.setString(1, groupId);
        row.setInt(2, seq++);
        Columns.setText(row, 3, violation.sessionId());
        Columns.setInt(
            row,
            4,
            violation.contributionIndex().isPresent()
                ? violation.contributionIndex().getAsInt()
                : null);
        row.setString(5, violation.ruleId());
        row.setString(6, violation.severity().name());
        row.setString(7, violation.message());
        batch.add();
      }
    }
  }

  /**
   * The position after the last of a group's rows in a table.
   *
   * @param connection the connection
   * @param table a table with {@code group_id} and {@code seq}
   * @param groupId the group's id
   * @return the largest {@code seq} plus one, or 0 when there is none
   * @throws SQLException if the query fails
   */
  static int nextSeq(Connection connection, String table, String groupId) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT COALESCE(MAX(seq) + 1, 0) FROM " + table + " WHERE group_id = ?")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}
