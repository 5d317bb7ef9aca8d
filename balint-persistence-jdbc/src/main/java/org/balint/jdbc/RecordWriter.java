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
import org.balint.session.GroupRecord;
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
import org.balint.store.NotStoredException;
import org.balint.store.Versioned;

/**
 * Writes groups, sessions and violations as rows, always inside a transaction that has locked the
 * group's row first: every writer of a group takes the same lock in the same order, so writes to
 * one group happen one after another and never deadlock.
 *
 * <p>A record is written whole under a new generation and the group's row pointed at it last (see
 * {@link #writeRecord}); only an appended contribution is added to the current generation.
 */
final class RecordWriter {
  /** The tables of a record's rows, children before parents. */
  private static final List<String> RECORD_TABLES =
      List.of(
          "balint_contribution",
          "balint_case",
          "balint_consent",
          "balint_present",
          "balint_violation",
          "balint_session",
          "balint_roster");

  private static final String INSERT_CONTRIBUTION =
      "INSERT INTO balint_contribution (group_id, session_id, seq, at_s, at_ns, speaker, phase,"
          + " content, kind, case_index, extensions, generation)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private RecordWriter() {}

  /** A group's row as locked by a writer: its version and the generation its rows carry. */
  static final class LockedGroup {
    final long version;
    final long generation;

    LockedGroup(long version, long generation) {
      this.version = version;
      this.generation = generation;
    }

    /** Whether a whole record is stored (generation 0 is a group row whose record never was). */
    boolean isStored() {
      return generation > 0;
    }

    /** The version callers see: {@link Versioned#ABSENT} when no record is stored. */
    long storedVersion() {
      return isStored() ? version : Versioned.ABSENT;
    }
  }

  /**
   * Locks a group's row for the rest of the transaction.
   *
   * @param connection the connection, in a transaction
   * @param groupId the group's id
   * @return the group's version and generation, or empty if it has no row
   * @throws SQLException if the statement fails
   */
  static Optional<LockedGroup> lockGroup(Connection connection, String groupId)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT version, generation FROM balint_group WHERE group_id = ? FOR UPDATE")) {
      select.setString(1, groupId);
      try (ResultSet row = select.executeQuery()) {
        return row.next()
            ? Optional.of(new LockedGroup(row.getLong(1), row.getLong(2)))
            : Optional.empty();
      }
    }
  }

  /**
   * Locks a group whose record is stored.
   *
   * @param connection the connection, in a transaction
   * @param groupId the group's id
   * @param what what the caller needs, for the message, such as {@code group riverside}
   * @return the locked row
   * @throws NotStoredException naming {@code what} if the group's record is not stored
   * @throws SQLException if the statement fails
   */
  static LockedGroup lockStored(Connection connection, String groupId, String what)
      throws SQLException {
    Optional<LockedGroup> locked = lockGroup(connection, groupId);
    if (locked.isEmpty() || !locked.get().isStored()) {
      throw new NotStoredException(what);
    }
    return locked.get();
  }

  /**
   * Writes a whole record under a new generation: the new rows first, then the group's row pointed
   * at them, then the old generation's rows deleted. Until the group's row changes, readers see the
   * old record whole; after, the new one.
   *
   * @param connection the connection, in a transaction that has locked the group's row
   * @param locked the locked row, or empty if the group has none yet
   * @param record the record
   * @param violations the violations stored with it, in order
   * @param version the group's new version
   * @param sessionVersions each session's version by id (1 where missing)
   * @throws SQLException if the database refuses a row
   */
  static void writeRecord(
      Connection connection,
      Optional<LockedGroup> locked,
      GroupRecord record,
      List<Violation> violations,
      long version,
      Map<String, Long> sessionVersions)
      throws SQLException {
    String groupId = record.group().id();
    if (locked.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO balint_group (group_id, name, version, generation) VALUES (?, ?, 0, 0)")) {
        insert.setString(1, groupId);
        insert.setString(2, record.group().name());
        insert.executeUpdate();
      }
    }
    long generation = locked.map(l -> l.generation).orElse(0L) + 1;
    insertRoster(connection, record.group(), generation);
    insertSessions(connection, groupId, generation, record.sessions(), 0, sessionVersions);
    insertViolations(connection, groupId, generation, violations);
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE balint_group SET name = ?, extensions = ?, record_extensions = ?, version = ?,"
                + " generation = ? WHERE group_id = ?")) {
      update.setString(1, record.group().name());
      Columns.setExtensions(update, 2, record.group().extensions());
      Columns.setExtensions(update, 3, record.extensions());
      update.setLong(4, version);
      update.setLong(5, generation);
      update.setString(6, groupId);
      update.executeUpdate();
    }
    deleteRows(connection, groupId, OptionalLong.of(generation));
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
   * Deletes a group's rows in every table but its own row, except those of one generation.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param keep the generation to keep, or empty to delete them all
   * @throws SQLException if a statement fails
   */
  static void deleteRows(Connection connection, String groupId, OptionalLong keep)
      throws SQLException {
    for (String table : RECORD_TABLES) {
      try (PreparedStatement delete =
          connection.prepareStatement(
              "DELETE FROM " + table + " WHERE group_id = ?"
                  + (keep.isPresent() ? " AND generation <> ?" : ""))) {
        delete.setString(1, groupId);
        if (keep.isPresent()) {
          delete.setLong(2, keep.getAsLong());
        }
        delete.executeUpdate();
      }
    }
  }

  /**
   * Inserts a group's roster: leaders, then members, in order.
   *
   * @param connection the connection
   * @param group the group
   * @param generation the generation of the rows
   * @throws SQLException if the database refuses a row
   */
  private static void insertRoster(Connection connection, Group group, long generation)
      throws SQLException {
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_roster (group_id, seq, person_id, roster_role, name, profession,"
                + " training, extensions, generation, joined_day, left_day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = 0;
      for (Leader leader : group.leaders()) {
        rosterRow(batch.row(), group.id(), seq++, leader.id(), "LEADER", leader.name());
        batch.row().setString(6, leader.profession().name());
        batch.row().setString(7, leader.training().name());
        Columns.setExtensions(batch.row(), 8, leader.extensions());
        batch.row().setLong(9, generation);
        Columns.setDay(batch.row(), 10, leader.joined());
        Columns.setDay(batch.row(), 11, leader.left());
        batch.add();
      }
      for (Member member : group.members()) {
        rosterRow(batch.row(), group.id(), seq++, member.id(), "MEMBER", member.name());
        batch.row().setString(6, member.profession().name());
        Columns.setText(batch.row(), 7, Optional.empty());
        Columns.setExtensions(batch.row(), 8, member.extensions());
        batch.row().setLong(9, generation);
        Columns.setDay(batch.row(), 10, member.joined());
        Columns.setDay(batch.row(), 11, member.left());
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
   * @param generation the generation of the rows
   * @param sessions the sessions, in order
   * @param firstSeq the position of the first session in its record
   * @param versions each session's version by id; {@link Versioned#ABSENT} + 1 when missing
   * @throws SQLException if the database refuses a row
   */
  private static void insertSessions(
      Connection connection,
      String groupId,
      long generation,
      List<Session> sessions,
      int firstSeq,
      Map<String, Long> versions)
      throws SQLException {
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_session (group_id, session_id, seq, start_s, start_ns, end_s,"
                + " end_ns, session_mode, recording_purpose, recording_extensions, extensions,"
                + " version, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int seq = firstSeq;
      for (Session session : sessions) {
        PreparedStatement row = batch.row();
        row.setString(1, groupId);
        row.setString(2, session.id());
        row.setInt(3, seq++);
        Columns.setInstant(row, 4, session.start());
        Columns.setInstant(row, 6, session.end().orElse(null));
        row.setString(8, session.mode().map(Enum::name).orElse(null));
        Columns.setText(row, 9, session.recording().map(r -> r.purpose().name()));
        Columns.setExtensions(row, 10, session.recording().flatMap(Recording::extensions));
        Columns.setExtensions(row, 11, session.extensions());
        row.setLong(12, versions.getOrDefault(session.id(), Versioned.ABSENT + 1));
        row.setLong(13, generation);
        batch.add();
      }
    }
    insertSessionContents(connection, groupId, generation, sessions);
  }

  /**
   * Inserts what hangs off sessions whose rows exist: presence, consent, cases, contributions.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param sessions the sessions
   * @throws SQLException if the database refuses a row
   */
  private static void insertSessionContents(
      Connection connection, String groupId, long generation, List<Session> sessions)
      throws SQLException {
    insertPeople(connection, "balint_present", groupId, generation, sessions, false);
    insertPeople(connection, "balint_consent", groupId, generation, sessions, true);
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_case (group_id, session_id, seq, presenter, title, extensions,"
                + " generation) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
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
          row.setLong(7, generation);
          batch.add();
        }
      }
    }
    try (Batch batch = new Batch(connection, INSERT_CONTRIBUTION)) {
      for (Session session : sessions) {
        int seq = 0;
        for (Contribution contribution : session.contributions()) {
          contributionRow(batch.row(), groupId, generation, session.id(), seq++, contribution);
          batch.add();
        }
      }
    }
  }

  private static void insertPeople(
      Connection connection,
      String table,
      String groupId,
      long generation,
      List<Session> sessions,
      boolean consent)
      throws SQLException {
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO " + table + " (group_id, session_id, seq, person_id, generation)"
                + " VALUES (?, ?, ?, ?, ?)")) {
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
          row.setLong(5, generation);
          batch.add();
        }
      }
    }
  }

  private static void contributionRow(
      PreparedStatement row,
      String groupId,
      long generation,
      String sessionId,
      int seq,
      Contribution contribution)
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
    row.setLong(12, generation);
  }

  /**
   * Inserts one contribution at a position in its session.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the group's rows
   * @param sessionId the session's id
   * @param seq its index in the session's contributions
   * @param contribution the contribution
   * @throws SQLException if the database refuses it
   */
  static void insertContribution(
      Connection connection,
      String groupId,
      long generation,
      String sessionId,
      int seq,
      Contribution contribution)
      throws SQLException {
    try (PreparedStatement row = connection.prepareStatement(INSERT_CONTRIBUTION)) {
      contributionRow(row, groupId, generation, sessionId, seq, contribution);
      row.executeUpdate();
    }
  }

  /**
   * Inserts a record's violations.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param violations the violations, in order
   * @throws SQLException if the database refuses one
   */
  private static void insertViolations(
      Connection connection, String groupId, long generation, List<Violation> violations)
      throws SQLException {
    int seq = 0;
    try (Batch batch =
        new Batch(
            connection,
            "INSERT INTO balint_violation (group_id, seq, session_id, contribution_index, rule_id,"
                + " severity, message, generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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
        row.setLong(8, generation);
        batch.add();
      }
    }
  }
}
