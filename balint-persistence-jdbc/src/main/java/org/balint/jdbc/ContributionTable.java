package org.balint.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.balint.session.Contribution;
import org.balint.session.ContributionKind;
import org.balint.session.Phase;
import org.balint.session.Session;

/**
 * The SQL of {@code balint_contribution}, one row per contribution of a session, in the session's
 * order ({@code seq}): when ({@code at_s}, {@code at_ns}), who, in which phase and case, the text
 * ({@code content}) and a coder's kind.
 */
final class ContributionTable {
  private static final Sql INSERT =
      Sql.insert(
          "balint_contribution",
          "group_id",
          "generation",
          "session_id",
          "seq",
          "at_s",
          "at_ns",
          "speaker",
          "phase",
          "content",
          "kind",
          "case_index",
          "extensions");

  private ContributionTable() {}

  /**
   * Inserts the contributions of sessions, in one batch.
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
        Session::contributions,
        ContributionTable::bind);
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
  static void insert(
      Connection connection,
      String groupId,
      long generation,
      String sessionId,
      int seq,
      Contribution contribution)
      throws SQLException {
    try (Sql.Bound row = INSERT.prepare(connection)) {
      bind(
          row.generation(groupId, generation).text("session_id", sessionId).number("seq", seq),
          contribution);
      row.update();
    }
  }

  private static void bind(Sql.Bound row, Contribution contribution) throws SQLException {
    row.instant("at", contribution.at())
        .text("speaker", contribution.speaker())
        .text("phase", contribution.phase().name())
        .text("content", contribution.text())
        .text("kind", contribution.kind().map(ContributionKind::name))
        .number("case_index", contribution.caseIndex())
        .extensions("extensions", contribution.extensions());
  }

  /**
   * Reads the contributions of the sessions being read into their drafts.
   *
   * @param connection the connection
   * @param drafts the sessions being read
   * @throws SQLException if the query fails
   */
  static void read(Connection connection, SessionDrafts drafts) throws SQLException {
    drafts.readChildren(
        connection,
        "SELECT session_id, at_s, at_ns, speaker, phase, content, kind, case_index, extensions"
            + " FROM balint_contribution",
        (draft, row) ->
            draft.session.addContribution(
                Contribution.builder()
                    .at(Columns.instant(row, "at"))
                    .speaker(row.getString("speaker"))
                    .phase(Phase.valueOf(row.getString("phase")))
                    .text(row.getString("content"))
                    .kind(Columns.enumValue(row, "kind", ContributionKind.class))
                    .caseIndex(row.getInt("case_index"))
                    .extensions(Columns.extensions(row, "extensions"))
                    .build()));
  }
}
