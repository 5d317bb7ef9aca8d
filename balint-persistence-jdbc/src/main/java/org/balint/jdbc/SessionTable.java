package org.balint.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.balint.session.Recording;
import org.balint.session.RecordingPurpose;
import org.balint.session.Session;
import org.balint.session.SessionMode;
import org.balint.store.Attendance;
import org.balint.store.PageRequest;
import org.balint.store.Versioned;

/**
 * The SQL of {@code balint_session}, one row per session of a group's record, in record order
 * ({@code seq}): its times, mode, recording and version. Instants are two columns, seconds and
 * nanoseconds ({@code start_s}, {@code start_ns}).
 */
final class SessionTable {
  private static final Sql INSERT =
      Sql.insert(
          "balint_session",
          "group_id",
          "generation",
          "session_id",
          "seq",
          "start_s",
          "start_ns",
          "end_s",
          "end_ns",
          "session_mode",
          "recording_purpose",
          "recording_extensions",
          "extensions",
          "version");
  private static final String SELECT =
      "SELECT session_id, start_s, start_ns, end_s, end_ns, session_mode, recording_purpose,"
          + " recording_extensions, extensions, version FROM balint_session"
          + " WHERE group_id = :group_id AND generation = :generation";

  /** Sessions that started in [from, to). */
  private static final String IN_RANGE =
      " AND (start_s > :from_s OR (start_s = :from_s AND start_ns >= :from_ns))"
          + " AND (start_s < :to_s OR (start_s = :to_s AND start_ns < :to_ns))";

  private static final Sql ALL = Sql.of(SELECT + " ORDER BY seq");
  private static final Sql ONE = Sql.of(SELECT + " AND session_id = :session_id");
  private static final Sql PAGE =
      Sql.of(
          SELECT
              + IN_RANGE
              + " ORDER BY start_s, start_ns, session_id LIMIT :limit OFFSET :offset");
  private static final Sql COUNT =
      Sql.of(
          "SELECT COUNT(*) AS total FROM balint_session WHERE group_id = :group_id"
              + " AND generation = :generation"
              + IN_RANGE);
  private static final Sql VERSIONS =
      Sql.of(
          "SELECT session_id, version FROM balint_session WHERE group_id = :group_id"
              + " AND generation = :generation");
  private static final Sql SET_VERSION =
      Sql.of(
          "UPDATE balint_session SET version = :version WHERE group_id = :group_id"
              + " AND generation = :generation AND session_id = :session_id");

  /** A person's attendance: one row per session of the group's current generation. */
  private static final Sql ATTENDANCE =
      Sql.of(
          "SELECT s.session_id, s.start_s, s.start_ns,"
              + " (SELECT COUNT(*) FROM balint_present p WHERE p.group_id = s.group_id"
              + " AND p.generation = s.generation AND p.session_id = s.session_id"
              + " AND p.person_id = :person_id) AS present,"
              + " (SELECT COUNT(*) FROM balint_case c WHERE c.group_id = s.group_id"
              + " AND c.generation = s.generation AND c.session_id = s.session_id"
              + " AND c.presenter = :person_id) AS presented"
              + " FROM balint_session s JOIN balint_group g ON g.group_id = s.group_id"
              + " AND g.generation = s.generation WHERE s.group_id = :group_id"
              + " ORDER BY s.start_s, s.start_ns, s.session_id");

  private SessionTable() {}

  /**
   * Inserts sessions' rows, in one batch.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param sessions the sessions, in record order
   * @param versions each session's version by id; {@link Versioned#ABSENT} + 1 when missing
   * @throws SQLException if the database refuses a row
   */
  static void insert(
      Connection connection,
      String groupId,
      long generation,
      List<Session> sessions,
      Map<String, Long> versions)
      throws SQLException {
    try (Sql.Bound rows = INSERT.prepare(connection)) {
      int seq = 0;
      for (Session session : sessions) {
        rows.generation(groupId, generation)
            .text("session_id", session.id())
            .number("seq", seq++)
            .instant("start", session.start())
            .instant("end", session.end())
            .text("session_mode", session.mode().map(Enum::name))
            .text("recording_purpose", session.recording().map(r -> r.purpose().name()))
            .extensions("recording_extensions", session.recording().flatMap(Recording::extensions))
            .extensions("extensions", session.extensions())
            .number("version", versions.getOrDefault(session.id(), Versioned.ABSENT + 1))
            .add();
      }
    }
  }

  /**
   * Reads every session of a generation, in record order.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation
   * @return the drafts of the sessions, to which their children are added
   * @throws SQLException if the query fails
   */
  static SessionDrafts all(Connection connection, String groupId, long generation)
      throws SQLException {
    SessionDrafts drafts = new SessionDrafts(groupId, generation, true);
    try (Sql.Bound select = ALL.prepare(connection)) {
      read(select.generation(groupId, generation), drafts);
    }
    return drafts;
  }

  /**
   * Reads one session of a generation.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation
   * @param sessionId the session's id
   * @return the drafts: the session's, or none
   * @throws SQLException if the query fails
   */
  static SessionDrafts one(Connection connection, String groupId, long generation, String sessionId)
      throws SQLException {
    SessionDrafts drafts = new SessionDrafts(groupId, generation, false);
    try (Sql.Bound select = ONE.prepare(connection)) {
      read(select.generation(groupId, generation).text("session_id", sessionId), drafts);
    }
    return drafts;
  }

  /**
   * Reads a page of the sessions of a generation that started in a time range, by start.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation
   * @param from the range's start, included
   * @param to the range's end, excluded
   * @param page the page
   * @return the drafts of the page's sessions
   * @throws SQLException if the query fails
   */
  static SessionDrafts page(
      Connection connection,
      String groupId,
      long generation,
      Instant from,
      Instant to,
      PageRequest page)
      throws SQLException {
    SessionDrafts drafts = new SessionDrafts(groupId, generation, false);
    try (Sql.Bound select = PAGE.prepare(connection)) {
      read(
          select
              .generation(groupId, generation)
              .instant("from", from)
              .instant("to", to)
              .number("limit", page.size())
              .number("offset", page.offset()),
          drafts);
    }
    return drafts;
  }

  private static void read(Sql.Bound select, SessionDrafts drafts) throws SQLException {
    select.forEach(
        row -> {
          SessionDrafts.Draft draft =
              drafts.add(row.getString("session_id"), row.getLong("version"));
          draft
              .session
              .id(row.getString("session_id"))
              .start(Columns.instant(row, "start").orElseThrow())
              .end(Columns.instant(row, "end"))
              .mode(Columns.enumValue(row, "session_mode", SessionMode.class))
              .extensions(Columns.extensions(row, "extensions"));
          draft.purpose = Columns.enumValue(row, "recording_purpose", RecordingPurpose.class);
          draft.recordingExtensions = Columns.extensions(row, "recording_extensions");
        });
  }

  /**
   * Counts the sessions of a generation that started in a time range.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation
   * @param from the range's start, included
   * @param to the range's end, excluded
   * @return the number of sessions
   * @throws SQLException if the query fails
   */
  static long count(
      Connection connection, String groupId, long generation, Instant from, Instant to)
      throws SQLException {
    try (Sql.Bound select = COUNT.prepare(connection)) {
      return select
          .generation(groupId, generation)
          .instant("from", from)
          .instant("to", to)
          .first(row -> row.getLong("total"))
          .orElseThrow();
    }
  }

  /**
   * Reads the versions of the sessions of a generation.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation
   * @return each session's version, by id
   * @throws SQLException if the query fails
   */
  static Map<String, Long> versions(Connection connection, String groupId, long generation)
      throws SQLException {
    Map<String, Long> versions = new HashMap<>();
    try (Sql.Bound select = VERSIONS.prepare(connection)) {
      select
          .generation(groupId, generation)
          .forEach(row -> versions.put(row.getString("session_id"), row.getLong("version")));
    }
    return versions;
  }

  /**
   * Sets a session's version.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the group's rows
   * @param sessionId the session's id
   * @param version the new version
   * @throws SQLException if the statement fails
   */
  static void setVersion(
      Connection connection, String groupId, long generation, String sessionId, long version)
      throws SQLException {
    try (Sql.Bound update = SET_VERSION.prepare(connection)) {
      update
          .number("version", version)
          .generation(groupId, generation)
          .text("session_id", sessionId)
          .update();
    }
  }

  /**
   * Reads a person's attendance at the stored sessions of a group, by start.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param personId the person's id
   * @return one entry per session; empty if the group is not stored
   * @throws SQLException if the query fails
   */
  static ImmutableList<Attendance> attendance(
      Connection connection, String groupId, String personId) throws SQLException {
    ImmutableList.Builder<Attendance> ledger = ImmutableList.builder();
    try (Sql.Bound select = ATTENDANCE.prepare(connection)) {
      select
          .text("group_id", groupId)
          .text("person_id", personId)
          .forEach(
              row ->
                  ledger.add(
                      Attendance.builder()
                          .sessionId(row.getString("session_id"))
                          .start(Columns.instant(row, "start").orElseThrow())
                          .present(row.getLong("present") > 0)
                          .casesPresented(row.getInt("presented"))
                          .build()));
    }
    return ledger.build();
  }
}
