package org.balint.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.balint.session.Case;
import org.balint.session.Session;

/**
 * The SQL of {@code balint_case}, one row per case of a session, in the session's order ({@code
 * seq}): its presenter and title.
 */
final class CaseTable {
  private static final Sql INSERT =
      Sql.insert(
          "balint_case",
          "group_id",
          "generation",
          "session_id",
          "seq",
          "presenter",
          "title",
          "extensions");

  private CaseTable() {}

  /**
   * Inserts the cases of sessions, in one batch.
   *
   * @param connection the connection
   * @param groupId the group's id
   * @param generation the generation of the rows
   * @param sessions the sessions
   * @throws SQLException if the database refuses a row
   */
  static void insert(Connection connection, String groupId, long generation, List<Session> sessions)
      throws SQLException {
    RecordWriter.insertPerSession(
        connection,
        INSERT,
        groupId,
        generation,
        sessions,
        Session::cases,
        (row, presented) ->
            row.text("presenter", presented.presenter())
                .text("title", presented.title())
                .extensions("extensions", presented.extensions()));
  }

  /**
   * Reads the cases of the sessions being read into their drafts.
   *
   * @param connection the connection
   * @param drafts the sessions being read
   * @throws SQLException if the query fails
   */
  static void read(Connection connection, SessionDrafts drafts) throws SQLException {
    drafts.readChildren(
        connection,
        "SELECT session_id, presenter, title, extensions FROM balint_case",
        (draft, row) ->
            draft.session.addCase(
                Case.builder()
                    .presenter(row.getString("presenter"))
                    .title(row.getString("title"))
                    .extensions(Columns.extensions(row, "extensions"))
                    .build()));
  }
}
